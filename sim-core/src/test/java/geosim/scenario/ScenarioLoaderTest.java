package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import geosim.kernel.PartitionBy;
import geosim.ping.PingRegion;
import geosim.ping.PingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  /** Test-scope copy of the example scenario the lead keeps in configs/scenarios/atlantic-ping.conf. */
  static final String ATLANTIC_PING = """
      # Two regions pinging each other across the Atlantic, one partition per region.
      scenario {
        description = "Smallest geo-distributed setup: two regions of four servers"
      }
      duration = 10m
      engine {
        partition-by = region
        partitions = 2
      }
      ping {
        regions = [
          { name = us-east, servers = 4 }
          { name = eu-west, servers = 4 }
        ]
        rtt = [
          { between = [us-east, eu-west], rtt = 75ms }
        ]
        local-rtt = 0.5ms
        interval-mean = 1s
        service-time-mean = 2ms
        remote-fraction = 0.5
      }
      """;

  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  @Test
  void emptyFileGivesTheReferenceDefaults() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("configs/scenarios/empty.conf", "", List.of());
    assertEquals("empty", s.name());
    assertEquals("", s.description());
    assertEquals("configs/scenarios/empty.conf", s.source());
    assertEquals(1, s.seed());
    assertEquals(600 * S, s.durationNs());
    assertEquals(10 * S, s.metricsIntervalNs());
    assertEquals(new EngineSettings(PartitionBy.NONE, 1, 0), s.engine());
    assertEquals(defaultPing(), s.ping());
  }

  @Test
  void scenarioLoadsFromFileAndIsNamedAfterIt(@TempDir Path dir) throws Exception {
    Path file = Files.createDirectories(dir.resolve("configs/scenarios")).resolve("quickstart.conf");
    Files.writeString(file, ATLANTIC_PING);
    ScenarioSettings s = ScenarioLoader.load(file, List.of());
    assertEquals("quickstart", s.name());
    assertEquals(file.toString(), s.source());
    assertEquals("Smallest geo-distributed setup: two regions of four servers", s.description());
    assertEquals(new EngineSettings(PartitionBy.REGION, 2, 0), s.engine());
    assertEquals(600 * S, s.durationNs());
    assertEquals(defaultPing(), s.ping());
    assertEquals(75 * MS, s.ping().rttNs("eu-west", "us-east"));
  }

  @Test
  void overridesWinOverTheFileAndLaterOverridesWinOverEarlierOnes() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of(
        "seed=42", "engine.partitions = 4", "duration=90s", "seed=43", "scenario.name=\"tuned run\""));
    assertEquals(43, s.seed());
    assertEquals(4, s.engine().partitions());
    assertEquals(PartitionBy.REGION, s.engine().partitionBy());
    assertEquals(90 * S, s.durationNs());
    assertEquals("tuned run", s.name());
  }

  @Test
  void objectOverrideMergesIntoTheFilesObject() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of("ping={remote-fraction=0.25}"));
    assertEquals(0.25, s.ping().remoteFraction());
    assertEquals(defaultPing().regions(), s.ping().regions());
  }

  @Test
  void listOverrideReplacesTheRegionsAndTheirRoundTrips() throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of(
        "ping.regions=[{name=a, servers=1}, {name=b, servers=2}, {name=c, servers=3}]",
        "ping.rtt=[{between=[a,b], rtt=10ms}, {between=[c,a], rtt=20ms}, {between=[b,c], rtt=30ms}]"));
    assertEquals(List.of(new PingRegion("a", 1), new PingRegion("b", 2), new PingRegion("c", 3)),
        s.ping().regions());
    assertEquals(Map.of("a|b", 10 * MS, "a|c", 20 * MS, "b|c", 30 * MS), s.ping().rttNs());
    assertEquals(20 * MS, s.ping().rttNs("a", "c"));
  }

  @Test
  void renderedConfigLoadsBackToEqualSettings() throws Exception {
    ScenarioSettings first = ScenarioLoader.parse("configs/scenarios/atlantic-ping.conf", ATLANTIC_PING,
        List.of("seed=-7", "ping.local-rtt=0.25ms", "ping.remote-fraction=0.1"));
    String rendered = first.renderResolved();
    ScenarioSettings again = ScenarioLoader.parse("runs/001/resolved.conf", rendered, List.of());
    assertEquals(withSource(first, again.source()), again);
    assertEquals("atlantic-ping", again.name());
    assertEquals(250_000, again.ping().localRttNs());
    assertEquals(rendered, again.renderResolved());
  }

  @Test
  void renderedConfigHasSortedKeysAndNoComments() throws Exception {
    String rendered = ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of()).renderResolved();
    assertEquals(-1, rendered.indexOf('#'));
    List<String> topLevel = rendered.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("}"))
        .map(l -> l.split("[ =]")[0]).toList();
    assertEquals(List.of("cost", "duration", "engine", "explore", "faults", "fd", "fleet", "injected-faults", "metrics", "model", "netping", "network", "pbs", "ping", "queue", "relational", "ring", "scenario", "seed", "store"), topLevel);
  }

  @Test
  void acceptsEdgeValues() throws Exception {
    ScenarioSettings low = ScenarioLoader.parse("edge.conf", """
        seed = -9223372036854775808
        duration = 1ns
        metrics.interval = 1ns
        engine { partitions = 1, event-budget = 0 }
        ping { service-time-mean = 0, remote-fraction = 0, regions = [{ name = a, servers = 1 }], rtt = [] }
        """, List.of());
    assertEquals(Long.MIN_VALUE, low.seed());
    assertEquals(1, low.durationNs());
    assertEquals(0, low.ping().serviceTimeMeanNs());
    ScenarioSettings high = ScenarioLoader.parse("edge.conf", """
        seed = 9223372036854775807
        duration = 1d
        engine { partitions = 256, event-budget = 9223372036854775807 }
        ping.remote-fraction = 1
        ping.regions = [{ name = us-east, servers = 100000 }, { name = eu-west, servers = 1 }]
        """, List.of("duration=106000d"));
    assertEquals(Long.MAX_VALUE, high.seed());
    assertEquals(106_000L * 24 * 3600 * S, high.durationNs());
    assertEquals(new EngineSettings(PartitionBy.NONE, 256, Long.MAX_VALUE), high.engine());
    assertEquals(1.0, high.ping().remoteFraction());
  }

  @Test
  void bareNumberDurationMeansMilliseconds() throws Exception {
    assertEquals(1500 * MS, ScenarioLoader.parse("x.conf", "duration = 1500", List.of()).durationNs());
  }

  @Test
  void explicitNameWinsOverTheFileName() throws Exception {
    assertEquals("demo", ScenarioLoader.parse("dir/other.conf", "scenario.name = demo", List.of()).name());
    assertEquals("notes.txt", ScenarioLoader.parse("dir\\notes.txt", "", List.of()).name());
  }

  @Test
  void sameInputGivesEqualSettingsAndEqualProblems() throws Exception {
    assertEquals(ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of()),
        ScenarioLoader.parse("q.conf", ATLANTIC_PING, List.of()));
    String bad = "sed = 1\nengine.partitions = 0\nping.rtt = []\nduration = -1s\n";
    List<String> first = assertThrows(ScenarioConfigException.class,
        () -> ScenarioLoader.parse("b.conf", bad, List.of())).problems();
    List<String> second = assertThrows(ScenarioConfigException.class,
        () -> ScenarioLoader.parse("b.conf", bad, List.of())).problems();
    assertEquals(4, first.size());
    assertEquals(first, second);
  }

  static PingSettings defaultPing() {
    return new PingSettings(
        List.of(new PingRegion("us-east", 4), new PingRegion("eu-west", 4)),
        new TreeMap<>(Map.of("eu-west|us-east", 75 * MS)),
        500_000, S, 2 * MS, 0.5);
  }

  private static ScenarioSettings withSource(ScenarioSettings s, String source) {
    return new ScenarioSettings(s.name(), s.description(), source, s.seed(), s.durationNs(),
        s.metricsIntervalNs(), s.engine(), s.ping(), s.resolved(), s.model(), s.queue(),
        s.netping(), s.topology(), s.network(), s.ring(), s.fd(), s.pbs(), s.store(), s.faults(), s.clients(), s.fleet(), s.relational(),
        s.cost(), s.autoscale());
  }
}
