package geosim.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code geosim} command in a child JVM whose output lines (stdout and stderr) are kept, so a
 * test can wait for a line without sleeping: a reader thread notifies waiters on each line.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "child-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(String... args) throws Exception {
    return start(List.of(), args);
  }

  /** As {@link #start(String...)}, with extra JVM options (e.g. {@code -Dpekko...} overrides). */
  static ChildJvm start(List<String> jvmOptions, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (java.io.IOException e) {
      // the child was killed: its output ends here
    } finally {
      synchronized (lines) {
        lines.notifyAll();
      }
    }
  }

  /** Waits until a line matches, failing if the child exits or {@code seconds} pass first. */
  String await(Predicate<String> wanted, long seconds, String what) throws InterruptedException {
    return await(0, wanted, seconds, what);
  }

  /** As {@link #await(Predicate, long, String)}, looking only at lines {@code from} on. */
  String await(int from, Predicate<String> wanted, long seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (lines) {
      while (true) {
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
          if (wanted.test(line)) return line;
        }
        long left = deadline - System.nanoTime();
        assertTrue(left > 0 && process.isAlive(), "no " + what + " within " + seconds + " s; output: " + lines);
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** SIGSTOP: the JVM freezes with its connections open; the cluster sees silence, not a leave. */
  void freeze() throws Exception {
    new ProcessBuilder("kill", "-STOP", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGKILL: no shutdown hook, no graceful leave; the cluster must find out by itself. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM (a graceful leave), then SIGKILL if it does not exit within 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
