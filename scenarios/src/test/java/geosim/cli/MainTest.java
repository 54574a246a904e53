package geosim.cli;

import static geosim.cli.CliOutcome.geosim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, run folders. */
class MainTest {
  private static final String ATLANTIC_PING = "../configs/scenarios/atlantic-ping.conf";

  @TempDir Path tmp;

  private CliOutcome runShort(Path out, String... extra) {
    String[] base = {"run", ATLANTIC_PING, "--quiet", "--set", "duration=1m", "--out", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return geosim(args);
  }

  @Test
  void runWritesASummaryWithTheContractKeysAndAResolvedConfig() throws Exception {
    Path out = tmp.resolve("q");
    CliOutcome o = runShort(out);
    assertEquals(0, o.code(), o.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    for (String key : new String[] {"scenario", "seed", "virtualSeconds", "wallSeconds", "events"}) {
      assertTrue(summary.has(key), key);
    }
    assertEquals("atlantic-ping", summary.get("scenario").asText());
    assertEquals(60.0, summary.get("virtualSeconds").asDouble());
    assertTrue(summary.at("/operations/ping/latencyMs/p99").asDouble() > 70, summary.toString());
    CliOutcome again = geosim("validate", out.resolve("resolved.conf").toString());
    assertEquals(0, again.code(), again.err());
    for (String file : new String[] {"timeseries.csv", "latency.hlog", "events.jsonl", "report.html"}) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
    try (var files = Files.list(out)) {
      List<String> left = files.map(f -> f.getFileName().toString())
          .filter(n -> n.equals(RunFolder.INCOMPLETE) || n.endsWith(".partial") || n.startsWith(".")).toList();
      assertEquals(List.of(), left, "a finished run leaves no marker and no partial or temporary file");
    }
    Files.delete(out.resolve("report.html"));
    assertEquals(0, geosim("report", out.toString()).code());
    assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
  }

  /** Runs a shipped store scenario for {@code duration} at 2 requests per second per server into {@code out}; its events.jsonl lines. */
  private static String[] lightRunEvents(String scenario, String duration, Path out) throws Exception {
    CliOutcome o = geosim("run", "../configs/scenarios/" + scenario, "--quiet", "--set", "duration=" + duration,
        "--set", "store.workload.rate-per-server=2", "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    return Files.readString(out.resolve("events.jsonl")).split("\n");
  }

  @Test
  void aRunWithFaultsLogsEachStartAndEndWithinTheRunInEventsJsonl() throws Exception {
    Path out = tmp.resolve("f");
    String[] lines = lightRunEvents("store-faults-small.conf", "55s", out);
    // The crash at 10 s, the restart at 40 s, the partition at 50 s; its heal at 80 s is past the end.
    assertEquals(3, lines.length, String.join("\n", lines));
    JsonNode restart = new ObjectMapper().readTree(lines[1]);
    assertEquals("server-crash", restart.get("kind").asText());
    assertEquals("end", restart.get("phase").asText());
    assertEquals(40_000_000_000L, restart.get("timeNs").asLong());
    assertEquals("us-east/use1-a/rack-1/srv-1", restart.get("target").asText());
    assertEquals("region-partition", new ObjectMapper().readTree(lines[2]).get("kind").asText());
  }

  @Test
  void aStormAndALinkDegradationAreLoggedWithTheirAmountsAndCountedInTheSummary() throws Exception {
    Path out = tmp.resolve("storm");
    CliOutcome o = geosim("run", "../configs/scenarios/store-faults-small.conf", "--quiet", "--set", "duration=20s",
        "--set", "store.workload.rate-per-server=2", "--set", "faults=[{at=5s, kind=storm, between=["
            + "us-east/use1-a/rack-1/tor, us-east/use1-a/rack-2/tor], rate-gbps=40, duration=10s}, "
            + "{at=6s, kind=slow-disk, target=eu-west/euw1-a/rack-1/srv-1, factor=3}, "
            + "{at=7s, kind=link-degradation, between=[us-east, eu-west], latency=5ms, loss=0.01, duration=20s}]",
        "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    String[] lines = Files.readString(out.resolve("events.jsonl")).split("\n");
    // storm start, slow disk start, degradation start, storm end (the degradation ends after the run)
    assertEquals(4, lines.length, String.join("\n", lines));
    JsonNode storm = new ObjectMapper().readTree(lines[0]);
    assertEquals("storm", storm.get("kind").asText());
    assertEquals(40.0, storm.get("rateGbps").asDouble());
    assertEquals("us-east/use1-a/rack-2/tor", storm.get("between").get(1).asText());
    assertEquals(3.0, new ObjectMapper().readTree(lines[1]).get("factor").asDouble());
    JsonNode degradation = new ObjectMapper().readTree(lines[2]);
    assertEquals("link-degradation", degradation.get("kind").asText());
    assertEquals(5_000_000L, degradation.get("latencyNs").asLong());
    assertEquals(0.01, degradation.get("loss").asDouble());
    assertEquals(1.0, degradation.get("bandwidthFactor").asDouble());
    JsonNode faults = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json"))).get("faults");
    assertEquals(3, faults.get("count").asInt());
    assertEquals(1, faults.get("storm").asInt());
    assertEquals(1, faults.get("link-degradation").asInt());
  }

  @Test
  void aPartitionIsLoggedWithItsSidesAndCountedInTheSummary() throws Exception {
    Path out = tmp.resolve("partition");
    String[] lines = lightRunEvents("rack-partition.conf", "20s", out);
    // The start at 10 s; the heal at 40 s is past the end.
    assertEquals(1, lines.length, String.join("\n", lines));
    JsonNode start = new ObjectMapper().readTree(lines[0]);
    assertEquals("partition", start.get("kind").asText());
    assertEquals(10_000_000_000L, start.get("timeNs").asLong());
    assertEquals("us-east/use1-a/rack-2", start.get("sides").get(0).get(1).asText());
    assertEquals(4, start.get("sides").get(1).size());
    JsonNode summary = new ObjectMapper().readTree(Files.readString(out.resolve("summary.json")));
    assertEquals(1, summary.get("faults").get("partition").asInt());
    assertTrue(summary.get("network").get("lostAtCuts").asLong() > 0, summary.get("network").toString());
  }

  @Test
  void aStoreRunsSummaryShowsStalenessAndHints() {
    Path out = tmp.resolve("store");
    CliOutcome o = geosim("run", "../configs/scenarios/store-faults-small.conf", "--set", "duration=55s",
        "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().matches("(?s).*\nstaleness [\\d,]+ stale reads of [\\d,]+ \\(.*\\), [\\d,]+ acknowledged writes lost; "
        + "visible everywhere p99 [\\d.]+ ms\n.*"), o.out());
    assertTrue(o.out().matches("(?s).*\nhints     [1-9][\\d,]* stored, .*"), "the crash from 10 s to 40 s leaves hints: " + o.out());
  }

  @Test
  void reportRefusesAFolderThatIsNoRun() {
    CliOutcome o = geosim("report", tmp.toString());
    assertEquals(2, o.code());
    assertEquals("geosim: " + tmp + ": not a run folder (no summary.json)\n", o.err());
  }

  @Test
  void theSameSeedGivesTheSameSummaryAtAnyPartitioning() throws Exception {
    assertEquals(0, runShort(tmp.resolve("a"), "--set", "engine.partitions=1").code());
    assertEquals(0, runShort(tmp.resolve("b"), "--set", "engine.partition-by=server", "--set", "engine.partitions=3").code());
    assertEquals(resultsOf(tmp.resolve("a")), resultsOf(tmp.resolve("b")));
    assertEquals(0, runShort(tmp.resolve("c"), "--seed", "9").code());
    assertFalse(resultsOf(tmp.resolve("a")).equals(resultsOf(tmp.resolve("c"))));
  }

  private static JsonNode resultsOf(Path dir) throws Exception {
    ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    summary.remove("wallSeconds");
    summary.remove("engine");
    return summary;
  }

  @Test
  void anExistingRunFolderIsNeverOverwritten() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("taken"));
    Files.writeString(out.resolve("summary.json"), "precious");
    CliOutcome o = runShort(out);
    assertEquals(2, o.code());
    assertEquals("geosim: --out " + out + ": already exists; a run folder is never overwritten, choose another --out\n", o.err());
    assertEquals("precious", Files.readString(out.resolve("summary.json")));
  }

  @Test
  void aBadValueExitsTwoWithFileLineAndKeyAndNoStackTrace() throws Exception {
    Path bad = tmp.resolve("bad.conf");
    Files.writeString(bad, "seed = 3\nengine.partition-by = zone\n");
    CliOutcome o = geosim("run", bad.toString(), "--out", tmp.resolve("never").toString());
    assertEquals(2, o.code());
    assertEquals("geosim: " + bad + ":2: engine.partition-by: expected one of none|region|datacenter|rack|server, got 'zone'\n", o.err());
    assertFalse(Files.exists(tmp.resolve("never")), "no run folder for bad input");
  }

  @Test
  void aMissingFileExitsTwo() {
    CliOutcome o = geosim("run", "configs/nope.conf");
    assertEquals(2, o.code());
    assertEquals("geosim: configs/nope.conf: file not found\n", o.err());
  }

  @Test
  void aBadSetExitsTwo() {
    CliOutcome o = geosim("validate", ATLANTIC_PING, "--set", "engine.partitions=two");
    assertEquals(2, o.code());
    assertEquals("geosim: --set engine.partitions: expected an integer, got 'two'\n", o.err());
  }

  @Test
  void anUnknownOptionExitsTwo() {
    CliOutcome o = geosim("run", ATLANTIC_PING, "--sed", "3");
    assertEquals(2, o.code());
    assertEquals("geosim: Unknown options: '--sed', '3' (see geosim run --help)\n", o.err());
  }

  @Test
  void aVaryWithAnUnknownPathExitsTwoNamingTheNearestKey() {
    CliOutcome o = geosim("sweep", ATLANTIC_PING, "--vary", "ping.remote-fractio=0.1,0.2", "--out", tmp.resolve("s").toString());
    assertEquals(2, o.code());
    assertEquals("geosim: --vary ping.remote-fractio: unknown key (did you mean ping.remote-fraction?)\n", o.err());
    assertFalse(Files.exists(tmp.resolve("s")), "nothing written for bad input");
  }

  @Test
  void aVaryWithABadValueExitsTwo() {
    CliOutcome o = geosim("sweep", ATLANTIC_PING, "--vary", "engine.partitions=1,0", "--out", tmp.resolve("s").toString());
    assertEquals(2, o.code());
    assertEquals("geosim: --vary engine.partitions: must be between 1 and 256, got 0\n", o.err());
  }

  /** Bad --vary lists: exit 2, one line naming the --vary, nothing written. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ping.remote-fraction=0.1,0.2 --vary ping.remote-fraction=0.3 | --vary ping.remote-fraction: varied twice; give all its values in one --vary",
      "ping.remote-fraction=0.1,0.1 | --vary ping.remote-fraction: value 0.1 given twice",
      "seed=1,2 | --vary seed: each replication draws its own seed from the scenario's; use --replications for more seeds, --seed for another root seed",
      "ping.remote-fraction=0.1,0.2,0.3,0.4 --vary duration=1s,2s,3s,4s,5s,6s,7s,8s,9s,10s --vary engine.partitions=@251 | --vary: the sweep would have more than 10000 points (4 x 10 x 251 values); vary fewer values, or split the sweep"})
  void badVariesExitTwo(String varies, String message) {
    List<String> args = new ArrayList<>(List.of("sweep", ATLANTIC_PING, "--out", tmp.resolve("s").toString()));
    for (String vary : varies.trim().split(" --vary ")) {
      // "path=@N": the values 1 to N
      String[] at = vary.split("=@");
      if (at.length == 2) {
        vary = at[0] + "=" + String.join(",", IntStream.rangeClosed(1, Integer.parseInt(at[1])).mapToObj(Integer::toString).toList());
      }
      args.addAll(List.of("--vary", vary));
    }
    CliOutcome o = geosim(args.toArray(String[]::new));
    assertEquals(2, o.code(), o.err());
    assertEquals("geosim: " + message.trim() + "\n", o.err());
    assertFalse(Files.exists(tmp.resolve("s")), "nothing written for bad input");
  }

  /** Bad cluster options: exit 2, one line naming the option, nothing written. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sweep --cluster nohost | --cluster: expected HOST:PORT of the seed node, e.g. 127.0.0.1:7355, got 'nohost'",
      "sweep --cluster 127.0.0.1:99999 | --cluster 127.0.0.1:99999: seed port must be in 1..65535, got 99999",
      "sweep --cluster 127.0.0.1:7355 --cluster-timeout soon | --cluster-timeout: expected a duration such as 30s or 10m, got 'soon'",
      "sweep --cluster 127.0.0.1:7355 --cluster-timeout 0s | --cluster-timeout must be > 0, got 0s",
      "sweep --cluster 127.0.0.1:7355 --processes 2 | --cluster and --processes cannot be combined",
      "cluster worker --seed-node x | --seed-node: expected HOST:PORT of the seed node, e.g. 127.0.0.1:7355, got 'x'",
      "cluster worker --seed-node 127.0.0.1:7355 --parallel 0 | --parallel must be >= 1, got 0",
      "cluster seed --port 0 | --port must be in 1..65535, got 0",
      "run --cluster nohost | --cluster: expected HOST:PORT of the seed node, e.g. 127.0.0.1:7355, got 'nohost'",
      "run --cluster 127.0.0.1:7355 --cluster-timeout 0s | --cluster-timeout must be > 0, got 0s",
      "run --cluster 127.0.0.1:7355 --cluster-workers 0 | --cluster-workers must be >= 1, got 0",
      "run --cluster 127.0.0.1:7355 --cluster-window-timeout soon | --cluster-window-timeout: expected a duration "
          + "such as 30s or 10m, got 'soon'",
      "run --cluster 127.0.0.1:7355 --cluster-window-timeout 0s | --cluster-window-timeout must be > 0, got 0s",
      "run-store --cluster 127.0.0.1:7355 --set injected-faults=[{at=1s,kind=region-partition,"
          + "between=[us-east,eu-west],duration=2s}] | --cluster: injected fault region-partition at 1s changes the "
          + "network, which a distributed run cannot replay on its workers yet; run it in one JVM (docs/cluster.md)"})
  void badClusterOptionsExitTwo(String command, String message) {
    List<String> args = new ArrayList<>(List.of(command.trim().split(" ")));
    if (args.get(0).equals("sweep")) {
      args.addAll(1, List.of(ATLANTIC_PING, "--vary", "ping.remote-fraction=0.1", "--out", tmp.resolve("s").toString()));
    } else if (args.get(0).startsWith("run")) {
      String file = args.get(0).equals("run") ? ATLANTIC_PING : "../configs/scenarios/store-faults-small.conf";
      args.set(0, "run");
      args.addAll(1, List.of(file, "--out", tmp.resolve("s").toString()));
    }
    CliOutcome o = geosim(args.toArray(String[]::new));
    assertEquals(2, o.code(), o.err());
    assertEquals("geosim: " + message.trim() + "\n", o.err());
    assertFalse(Files.exists(tmp.resolve("s")), "nothing written for bad input");
  }

  @Test
  void helpListsTheCommands() {
    CliOutcome o = geosim("--help");
    assertEquals(0, o.code());
    for (String command : new String[] {"run", "sweep", "cluster", "explore", "validate", "list", "report", "bench", "lab"}) {
      assertTrue(o.out().contains(command), o.out());
    }
  }

  @Test
  void benchPholdPrintsOneJsonObjectWhoseFingerprintMatchesTheReference() throws Exception {
    String[] small = {"--entities", "100", "--end", "50", "--warmup", "0", "--reps", "1"};
    CliOutcome kernel = geosim(concat(new String[] {"bench", "phold", "--partitions", "2"}, small));
    CliOutcome reference = geosim(concat(new String[] {"bench", "phold", "--engine", "reference"}, small));
    assertEquals(0, kernel.code(), kernel.err());
    JsonNode k = new ObjectMapper().readTree(kernel.out());
    JsonNode r = new ObjectMapper().readTree(reference.out());
    for (String key : new String[] {"engine", "events", "wallSeconds", "eventsPerSecond", "partitions", "fingerprint"}) {
      assertTrue(k.has(key), key);
    }
    assertEquals(2, k.get("partitions").asInt());
    assertEquals(r.get("fingerprint"), k.get("fingerprint"));
    assertEquals(r.get("events"), k.get("events"));
  }

  @Test
  void benchRejectsBadParameters() {
    CliOutcome o = geosim("bench", "phold", "--entities", "0");
    assertEquals(2, o.code());
    assertEquals("geosim: bench phold: entities must be between 1 and 100000000, got 0\n", o.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
