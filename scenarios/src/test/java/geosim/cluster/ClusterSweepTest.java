package geosim.cluster;

import static geosim.cluster.ClusterTests.concat;
import static geosim.cluster.ClusterTests.freePort;
import static geosim.cluster.ClusterTests.withoutWallTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on 127.0.0.1 (random free port): a seed and two workers in child JVMs, the
 * sweep's driver in this JVM. The distributed sweep's sweep.csv equals the one-JVM sweep's; a
 * worker SIGKILLed mid-unit is downed and its unit re-run, every unit written once; with no seed
 * to join, the driver gives up after --cluster-timeout with a clear message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClusterSweepTest {
  private static final String[] QUICK = {"sweep", "../configs/scenarios/atlantic-ping.conf", "--set", "duration=5m",
      "--vary", "ping.remote-fraction=0.2,0.8", "--replications", "3", "--quiet"};
  private static final Pattern RUNNING = Pattern.compile("geosim: worker running point (\\d+) replication (\\d+)");

  @TempDir static Path tmp;
  private static String seed;
  private static final List<ChildJvm> members = new ArrayList<>();

  /** The one-JVM sweep to compare with, run while the cluster's JVMs start. */
  private static CompletableFuture<Integer> oneJvm;

  @BeforeAll
  static void startCluster() throws Exception {
    oneJvm = CompletableFuture.supplyAsync(() -> Main.execute(concat(QUICK, "--out", tmp.resolve("one").toString())));
    seed = "127.0.0.1:" + freePort();
    ChildJvm seedJvm = start("cluster", "seed", "--port", seed.substring(seed.indexOf(':') + 1));
    seedJvm.await(l -> l.contains("seed joined the cluster"), 60, "seed start");
    for (int i = 0; i < 2; i++) start("cluster", "worker", "--seed-node", seed);
    for (int i = 1; i <= 2; i++) {
      int n = i;
      seedJvm.await(l -> countUp(seedJvm) >= n, 60, "worker " + i + " up at the seed");
    }
  }

  @AfterAll
  static void stopCluster() {
    for (ChildJvm m : members) m.close();
  }

  @Test
  @Order(1)
  void aSweepOnTwoWorkersGivesTheSameCsvAsOneJvm() throws Exception {
    Path one = tmp.resolve("one");
    Path cluster = tmp.resolve("cluster");
    assertEquals(0, oneJvm.get(90, TimeUnit.SECONDS));
    assertEquals(0, Main.execute(concat(QUICK, "--out", cluster.toString(), "--cluster", seed)));
    assertEquals(withoutWallTime(one.resolve("sweep.csv")), withoutWallTime(cluster.resolve("sweep.csv")));
    assertEquals(6, summaries(cluster).size());
    assertTrue(workerLines().stream().filter(l -> RUNNING.matcher(l).find()).count() >= 6, "units ran on workers");
  }

  @Test
  @Order(2)
  void aWorkerKilledMidUnitHasItsUnitRerunAndEveryUnitIsWrittenOnce() throws Exception {
    Path out = tmp.resolve("killed");
    // Two-hour runs take seconds each: the victim is surely inside one when it is killed.
    String[] args = concat(QUICK, "--set", "duration=2h", "--out", out.toString(), "--cluster", seed);
    ChildJvm victim = members.get(2);
    int before = victim.lines().size();
    CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> Main.execute(args));
    String running = victim.await(before, l -> RUNNING.matcher(l).find(), 90, "unit on the victim");
    victim.kill();
    members.get(0).await(l -> l.contains("member removed") && !l.contains("driver"), 60, "the victim downed");
    assertEquals(0, sweep.get(90, TimeUnit.SECONDS));
    Matcher m = RUNNING.matcher(running);
    assertTrue(m.find());
    Path lost = out.resolve("points").resolve(String.format("p%03d-r%02d.json", Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2))));
    assertTrue(Files.exists(lost), "the killed worker's unit was re-run: " + lost);
    assertEquals(6, summaries(out).size());
    List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals(2, rows.stream().filter(r -> r.contains(",operations.ping.ok,3,")).count(), rows.toString());
    assertEquals(rows.size(), rows.stream().distinct().count(), "a row twice");
  }

  @Test
  @Order(3)
  void withNoSeedToJoinTheSweepFailsAfterTheClusterTimeout() throws Exception {
    String nobody = "127.0.0.1:" + freePort();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    int code;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      code = Main.execute(concat(QUICK, "--out", tmp.resolve("nobody").toString(), "--cluster", nobody,
          "--cluster-timeout", "3s"));
    } finally {
      System.setErr(old);
    }
    assertEquals(Main.EXIT_FAILED, code);
    String text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("could not join the cluster through " + nobody) && text.contains("3.0 s"), text);
  }

  private static ChildJvm start(String... args) throws Exception {
    ChildJvm child = ChildJvm.start(args);
    members.add(child);
    return child;
  }

  private static long countUp(ChildJvm seedJvm) {
    return seedJvm.lines().stream().filter(l -> l.contains("member up") && l.contains("[worker]")).count();
  }

  private static List<String> workerLines() {
    List<String> all = new ArrayList<>();
    for (int i = 1; i < members.size(); i++) all.addAll(members.get(i).lines());
    return all;
  }

  private static List<String> summaries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("points"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("p\\d+-r\\d+\\.json")).sorted().toList();
    }
  }
}
