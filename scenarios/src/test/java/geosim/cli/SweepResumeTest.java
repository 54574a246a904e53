package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed with SIGKILL resumes: what finished stays, the rest runs, nothing twice. */
class SweepResumeTest {
  @TempDir Path tmp;

  private String[] sweepArgs(Path out) {
    return new String[] {"sweep", "../configs/scenarios/atlantic-ping.conf", "--set", "duration=2h",
        "--vary", "ping.remote-fraction=0.2,0.8", "--replications", "6", "--parallel", "1",
        "--out", out.toString(), "--quiet"};
  }

  @Test
  void aSweepKilledMidwayResumesAndCompletesEveryPointOnce() throws Exception {
    Path out = tmp.resolve("sweep");
    Path points = Files.createDirectories(out.resolve("points"));
    Process child = startChild(sweepArgs(out));
    try {
      awaitSummaries(points, 2, child);
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
      child.waitFor(60, TimeUnit.SECONDS);
    }
    Map<String, String> before = summaries(points);
    assertTrue(before.size() >= 2 && before.size() < 12, "summaries before resume: " + before.keySet());

    assertEquals(0, Main.execute(sweepArgs(out)));

    Map<String, String> after = summaries(points);
    assertEquals(12, after.size(), after.keySet().toString());
    for (Map.Entry<String, String> e : before.entrySet()) {
      assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was rerun");
    }
    try (Stream<Path> files = Files.list(points)) {
      assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".")).count(), "no temp files");
    }
    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(2, rows.stream().filter(r -> r.contains(",operations.ping.ok,")).count());
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("1,0.8,operations.ping.ok,6,")), rows.toString());
  }

  @Test
  void workerProcessesGiveTheSameResultsAsOneProcess() throws Exception {
    String[] common = {"sweep", "../configs/scenarios/atlantic-ping.conf", "--set", "duration=5m",
        "--vary", "ping.remote-fraction=0.2,0.8", "--replications", "3", "--quiet"};
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(0, Main.execute(concat(common, "--out", one.toString())));
    assertEquals(0, Main.execute(concat(common, "--out", two.toString(), "--processes", "2")));
    assertEquals(withoutWallTime(one.resolve("sweep.csv")), withoutWallTime(two.resolve("sweep.csv")));
  }

  private static List<String> withoutWallTime(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().filter(l -> !l.contains("wallSeconds")).toList();
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static Process startChild(String[] args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
  }

  /** Blocks (no sleeping) until {@code count} summaries exist or the child exits. */
  private static void awaitSummaries(Path points, int count, Process child) throws Exception {
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      points.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      while (summaries(points).size() < count) {
        assertTrue(child.isAlive(), "the sweep ended before it could be killed");
        WatchKey key = watch.poll(60, TimeUnit.SECONDS);
        assertTrue(key != null, "no summary appeared within 60 s");
        key.pollEvents();
        key.reset();
      }
    }
  }

  private static Map<String, String> summaries(Path points) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(points)) {
      for (Path f : files.filter(f -> f.getFileName().toString().matches("p\\d+-r\\d+\\.json")).toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }
}
