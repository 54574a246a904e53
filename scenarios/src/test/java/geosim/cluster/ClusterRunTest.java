package geosim.cluster;

import static geosim.cluster.ClusterTests.concat;
import static geosim.cluster.ClusterTests.freePort;
import static geosim.cluster.ClusterTests.withoutWallTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import geosim.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A distributed single run on a real cluster on 127.0.0.1 (random free port): a seed and two
 * workers in child JVMs, the run's driver (and its coordinator) in this JVM. Runs with their
 * partitions on the two workers write the same summary.json as the one-JVM run (wallSeconds
 * aside): the ping model (metrics only), and the models whose summary reads their objects after
 * the run, from the workers' end states: the store with a crash, the store under {@code
 * engine.sync = channels} (Progress messages between workers), netping and the failure detector.
 * Every member runs with Pekko's default 256 KiB frame, so the store's end state (about 1 MB)
 * must come in chunks. Asking for more workers than there are fails after --cluster-timeout with a
 * clear message; a worker SIGKILLed while it hosts a partition fails the run with exit 1, naming
 * the member, within a bounded time; a worker that stops answering (SIGSTOP) fails the run after
 * --cluster-window-timeout, naming the window.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClusterRunTest {
  private static final String[] RUN = {"run", "../configs/scenarios/atlantic-ping.conf", "--set", "engine.partitions=2",
      "--quiet"};
  /** Pekko's default frame, a 32nd of geosim's: the store's end state is larger, so it must come in chunks. */
  private static final String FRAME = "pekko.remote.artery.advanced.maximum-frame-size";
  private static final String FRAME_BYTES = "256KiB";
  /** Runs whose summary reads model objects after the run: name, then the run's arguments. */
  private static final String[][] OBJECT_RUNS = {
      {"store-crash", "run", "../configs/scenarios/store-faults-small.conf", "--set", "duration=15s", "--set",
          "faults=[{at=4s, kind=server-crash, target=us-east/use1-a/rack-1/srv-1, duration=5s}]", "--set",
          "engine.partition-by=region", "--set", "engine.partitions=2", "--quiet"},
      {"store-channels", "run", "../configs/scenarios/store-3-regions-small.conf", "--set", "duration=2s", "--set",
          "engine.partitions=3", "--set", "engine.sync=channels", "--quiet"},
      {"netping", "run", "../configs/scenarios/three-regions-ping.conf", "--set", "duration=3s", "--set",
          "engine.partition-by=region", "--set", "engine.partitions=3", "--quiet"},
      {"failure-detector", "run", "../configs/validation/failure-detector.conf", "--set", "duration=25s", "--set",
          "fd.crash-at=8s", "--set", "engine.partition-by=rack", "--set", "engine.partitions=2", "--quiet"},
  };

  @TempDir static Path tmp;
  private static String seed;
  private static final List<ChildJvm> members = new ArrayList<>();
  /** The one-JVM runs to compare with, run one after another while the cluster's JVMs start. */
  private static CompletableFuture<Integer> oneJvm;
  private static String frameBefore;

  @BeforeAll
  static void startCluster() throws Exception {
    frameBefore = System.setProperty(FRAME, FRAME_BYTES); // the driver, in this JVM
    ConfigFactory.invalidateCaches();
    oneJvm = CompletableFuture.supplyAsync(() -> {
      int worst = Main.execute(concat(RUN, "--set", "duration=20s", "--out", tmp.resolve("one").toString()));
      for (String[] run : OBJECT_RUNS) {
        String[] args = concat(Arrays.copyOfRange(run, 1, run.length), "--out",
            tmp.resolve(run[0] + "-one").toString());
        worst = Math.max(worst, Main.execute(args));
      }
      return worst;
    });
    seed = "127.0.0.1:" + freePort();
    ChildJvm seedJvm = start("cluster", "seed", "--port", seed.substring(seed.indexOf(':') + 1));
    seedJvm.await(l -> l.contains("seed joined the cluster"), 60, "seed start");
    for (int i = 0; i < 2; i++) start("cluster", "worker", "--seed-node", seed);
    seedJvm.await(l -> seedJvm.lines().stream().filter(s -> s.contains("member up") && s.contains("[worker]")).count()
        >= 2, 60, "two workers up at the seed");
  }

  @AfterAll
  static void stopCluster() {
    for (ChildJvm m : members) m.close();
    if (frameBefore == null) {
      System.clearProperty(FRAME);
    } else {
      System.setProperty(FRAME, frameBefore);
    }
    ConfigFactory.invalidateCaches();
  }

  @Test
  @Order(1)
  void aRunWithItsPartitionsOnTwoWorkersWritesTheSameSummaryAsOneJvm() throws Exception {
    Path cluster = tmp.resolve("cluster");
    assertEquals(0, oneJvm.get(90, TimeUnit.SECONDS));
    assertEquals(0, Main.execute(concat(RUN, "--set", "duration=20s", "--out", cluster.toString(), "--cluster", seed,
        "--cluster-workers", "2")));
    List<String> one = withoutWallTime(tmp.resolve("one").resolve("summary.json"));
    assertTrue(one.stream().anyMatch(l -> l.contains("\"partitions\" : 2")), one.toString());
    assertEquals(one, withoutWallTime(cluster.resolve("summary.json")));
    for (int w = 1; w <= 2; w++) {
      members.get(w).await(l -> l.contains("worker hosting partition(s)"), 10, "a partition on worker " + w);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {0, 1, 2, 3})
  @Order(2)
  void aRunWhoseSummaryReadsModelObjectsWritesTheSameSummaryFromTheWorkersEndStates(int which) throws Exception {
    String[] run = OBJECT_RUNS[which];
    assertEquals(0, oneJvm.get(120, TimeUnit.SECONDS));
    Path cluster = tmp.resolve(run[0] + "-cluster");
    String[] args = concat(Arrays.copyOfRange(run, 1, run.length - 1), "--out", cluster.toString(), "--cluster", seed,
        "--cluster-workers", "2");
    Failure f = failing(args); // not --quiet: the driver says how the end state came
    assertEquals(0, f.code(), f.err());
    List<String> one = withoutWallTime(tmp.resolve(run[0] + "-one").resolve("summary.json"));
    assertTrue(one.stream().anyMatch(l -> l.matches(".*\"partitions\" : [23],?")), one.toString());
    assertEquals(one, withoutWallTime(cluster.resolve("summary.json")));
    Matcher end = Pattern.compile("end state from 2 worker\\(s\\): (\\d+) bytes in (\\d+) chunk").matcher(f.err());
    assertTrue(end.find(), f.err());
    if (run[0].equals("store-channels")) {
      assertTrue(Long.parseLong(end.group(1)) > 256 * 1024 && Integer.parseInt(end.group(2)) > 2 * 2,
          "a store's end state is larger than one " + FRAME_BYTES + " frame and comes in chunks: " + end.group());
    }
  }

  @Test
  @Order(3)
  void withFewerWorkersThanAskedForTheRunFailsAfterTheClusterTimeout() {
    Failure f = failing(concat(RUN, "--out", tmp.resolve("few").toString(), "--cluster", seed, "--cluster-workers", "3",
        "--cluster-timeout", "3s"));
    assertEquals(Main.EXIT_FAILED, f.code());
    assertTrue(f.err().contains("fewer than 3 worker(s) joined the cluster within 3.0 s"), f.err());
  }

  @Test
  @Order(4)
  void aWorkerKilledMidRunFailsTheRunNamingTheMember() throws Exception {
    ChildJvm victim = members.get(2);
    // Not --quiet: the first progress line says the run is past placement and into its windows.
    String[] args = concat(Arrays.copyOf(RUN, RUN.length - 1), "--set", "duration=1h", "--out",
        tmp.resolve("killed").toString(), "--cluster", seed, "--cluster-workers", "2");
    CompletableFuture<Void> running = new CompletableFuture<>();
    CompletableFuture<Failure> run = CompletableFuture.supplyAsync(() -> failing(args, running));
    running.get(60, TimeUnit.SECONDS);
    String address = members.get(0).lines().stream().filter(l -> l.contains("member up") && l.contains("[worker]"))
        .map(l -> l.substring(l.indexOf("pekko://"), l.indexOf(" [worker]"))).filter(a -> victimLines(victim, a))
        .findFirst().orElseThrow();
    long killed = System.nanoTime();
    victim.kill();
    Failure f = run.get(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - killed) / 1e9;
    assertEquals(Main.EXIT_FAILED, f.code(), f.err());
    assertTrue(f.err().contains("on cluster member " + address + " stopped: the member left the cluster or was downed")
        && f.err().contains("failed at virtual time"), f.err());
    assertTrue(seconds < 45, "the run failed " + seconds + " s after the kill");
    assertTrue(Files.readString(tmp.resolve("killed").resolve("INCOMPLETE")).contains("on cluster member " + address),
        "the run folder says why it is incomplete");
  }

  /**
   * A worker that stops answering (SIGSTOP: as when its answer was dropped for being above the frame
   * size) fails the run after --cluster-window-timeout, naming the window's virtual time and the
   * likely cause (not as a member that left: the frozen one is not downed first).
   */
  @Test
  @Order(5)
  void aWindowWhoseAnswerNeverComesFailsTheRunAfterTheWindowTimeout() throws Exception {
    ChildJvm frozen = members.get(1);
    String[] args = concat(Arrays.copyOf(RUN, RUN.length - 1), "--set", "duration=1h", "--out",
        tmp.resolve("frozen").toString(), "--cluster", seed, "--cluster-workers", "1",
        "--cluster-window-timeout", "2s");
    CompletableFuture<Void> running = new CompletableFuture<>();
    CompletableFuture<Failure> run = CompletableFuture.supplyAsync(() -> failing(args, running));
    running.get(60, TimeUnit.SECONDS);
    long frozenAt = System.nanoTime();
    frozen.freeze();
    Failure f = run.get(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - frozenAt) / 1e9;
    frozen.kill();
    assertEquals(Main.EXIT_FAILED, f.code(), f.err());
    assertTrue(f.err().contains("got no answer from partition(s) [") && f.err().contains("within 2s of wall time")
        && f.err().contains(FRAME)
        && f.err().contains("the window ending at virtual time"), f.err());
    assertTrue(seconds < 45, "the run failed " + seconds + " s after the worker froze (leaving the cluster included)");
  }

  /** Whether the victim's own joined line names this address. */
  private static boolean victimLines(ChildJvm victim, String address) {
    return victim.lines().stream().anyMatch(l -> l.contains("worker joined the cluster as " + address));
  }

  private record Failure(int code, String err) {}

  /** Runs the CLI in this JVM, keeping what it prints on stderr. */
  private static Failure failing(String[] args) {
    return failing(args, new CompletableFuture<>());
  }

  /** As {@link #failing(String[])}, completing {@code progress} at the first progress line (a run in its windows). */
  private static synchronized Failure failing(String[] args, CompletableFuture<Void> progress) {
    ByteArrayOutputStream err = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        if (toString(StandardCharsets.UTF_8).contains(" virtual (")) progress.complete(null);
      }
    };
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Failure(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  private static ChildJvm start(String... args) throws Exception {
    ChildJvm child = ChildJvm.start(List.of("-D" + FRAME + "=" + FRAME_BYTES), args);
    members.add(child);
    return child;
  }
}
