package geosim.cli;

import static geosim.cli.CliOutcome.geosim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code geosim bench memory --scenario}: heap per server of a scenario, on a small topology. Big
 * enough (2,000 servers, a few MB of model) that the heap readings stand clear of what other tests
 * leave behind in this JVM: with 6 servers (tens of KB) a reading once came out negative.
 */
class MemoryBenchTest {
  /** One region, one data center, 50 racks x 40 servers: 2,000 servers. */
  private static final String SMALL = String.join("\n",
      "model = netping",
      "duration = 2s",
      "metrics.interval = 1s",
      "netping.interval-mean = 1s",
      "topology.regions = [ { name = r, latitude = 0, longitude = 0,",
      "  datacenters = [ { name = dc, racks = 50, servers-per-rack = 40 } ] } ]",
      "");

  @TempDir Path tmp;

  private Path small() throws Exception {
    return Files.writeString(tmp.resolve("small.conf"), SMALL);
  }

  private static JsonNode json(CliOutcome o) throws Exception {
    assertEquals(0, o.code(), o.err());
    return new ObjectMapper().readTree(o.out());
  }

  @Test
  void scenarioModeChargesTheSettingsAndTheModelToTheTopologysServers() throws Exception {
    JsonNode j = json(geosim("bench", "memory", "--scenario", small().toString(), "--set", "scenario.name=tiny-set"));
    assertEquals("tiny-set", j.get("scenario").asText(), "--set is applied");
    assertEquals("netping", j.get("model").asText());
    assertEquals(2000, j.get("servers").asInt());
    long heap = j.get("heapBytes").asLong();
    assertTrue(heap > 0, j.toString());
    assertEquals(heap, j.get("settingsBytes").asLong() + j.get("modelBytes").asLong());
    assertEquals(Math.round(heap / 2000.0 * 10) / 10.0, j.get("bytesPerServer").asDouble());
    assertFalse(j.has("events"), "no run without --run");
  }

  @Test
  void runReportsTheHeapDuringAndAfterTheRun() throws Exception {
    JsonNode j = json(geosim("bench", "memory", "--scenario", small().toString(), "--run"));
    assertTrue(j.get("events").asLong() > 0, j.toString());
    long after = j.get("baselineBytes").asLong() + j.get("heapAfterRunBytes").asLong();
    assertTrue(j.get("heapAfterRunBytes").asLong() > 0, j.toString());
    assertTrue(j.get("usedAfterGcMaxBytes").asLong() >= after, j.toString());
    assertTrue(j.get("usedPeakBytes").asLong() > 0, j.toString());
    assertEquals(Runtime.getRuntime().maxMemory(), j.get("maxHeapBytes").asLong());
  }

  @Test
  void aScenarioWithoutATopologyExitsTwo() {
    String ping = "../configs/scenarios/atlantic-ping.conf";
    CliOutcome o = geosim("bench", "memory", "--scenario", ping);
    assertEquals(2, o.code());
    assertEquals("geosim: bench memory: " + ping
        + " has no topology (model = ping); heap per server needs one, e.g. model = netping\n", o.err());
  }

  @Test
  void idleActorOptionsAndScenarioOptionsDoNotMix() throws Exception {
    CliOutcome o = geosim("bench", "memory", "--scenario", small().toString(), "--partitions", "2");
    assertEquals(2, o.code());
    assertEquals("geosim: bench memory: --partitions is for idle actors, not with --scenario"
        + " (set the scenario's partitions with --set engine.partitions=N)\n", o.err());
    CliOutcome run = geosim("bench", "memory", "--run");
    assertEquals(2, run.code());
    assertEquals("geosim: bench memory: --run, --set and --sample-every need --scenario FILE\n", run.err());
    CliOutcome sampled = geosim("bench", "memory", "--scenario", small().toString(), "--sample-every", "1s");
    assertEquals(2, sampled.code());
    assertEquals("geosim: bench memory: --sample-every needs --run\n", sampled.err());
    CliOutcome classes = geosim("bench", "memory", "--scenario", small().toString(), "--run", "--classes", "3");
    assertEquals(2, classes.code());
    assertEquals("geosim: bench memory: --classes needs --sample-every\n", classes.err());
  }

  @Test
  void aSoakSamplesTheHeapAtEveryPeriodOfVirtualTime() throws Exception {
    JsonNode j = json(geosim("bench", "memory", "--scenario", small().toString(), "--run", "--set", "duration=4s",
        "--sample-every", "1s", "--classes", "3"));
    JsonNode samples = j.get("soakSamples");
    assertEquals(4, samples.size(), j.toString()); // at 1, 2, 3 and 4 s: the snapshots of the 1 s interval
    long max = 0;
    for (int i = 0; i < samples.size(); i++) {
      assertEquals(i + 1.0, samples.get(i).get("virtualSeconds").asDouble(), j.toString());
      // Absolute readings: other tests' leftovers in this JVM make any comparison with the baseline unsafe.
      assertTrue(samples.get(i).get("usedAfterFullGcBytes").asLong() > 0, j.toString());
      max = Math.max(max, samples.get(i).get("liveBytes").asLong());
      JsonNode sample = samples.get(i);
      assertEquals(sample.get("liveBytes").asLong() - sample.get("modelDataBytes").asLong(),
          sample.get("liveWithoutModelDataBytes").asLong(), j.toString());
      assertTrue(sample.get("liveBytes").asLong() > 0, j.toString());
    }
    assertTrue(j.has("soakGrowthAfterFirstWithoutModelData"), j.toString());
    JsonNode classes = samples.get(0).get("topClassesBytes");
    assertEquals(3, classes.size(), j.toString());
    long previous = Long.MAX_VALUE;
    for (JsonNode bytes : classes) {
      assertTrue(bytes.asLong() > 0 && bytes.asLong() <= previous, "largest first: " + classes);
      previous = bytes.asLong();
    }
    long topSum = 0;
    for (JsonNode bytes : classes) topSum += bytes.asLong();
    assertTrue(topSum <= samples.get(0).get("liveBytes").asLong(), "the top classes are part of the live heap: " + j);
    double first = samples.get(0).get("liveBytes").asLong();
    assertEquals(Math.round((max / first - 1) * 10_000) / 10_000.0, j.get("soakGrowthAfterFirst").asDouble());
  }
}
