package geosim.cli;

import static geosim.cli.CliOutcome.geosim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code ./geosim run configs/scenarios/quickstart.conf}, as a new
 * user meets it: three regions of store nodes behind app servers under a diurnal load, and a
 * us-east store node that crashes from 90 to 110 minutes. What it must show comes from the model:
 * the crash fails some of us-east's requests and none elsewhere, only while the node is down; the
 * coordinators keep hints for it and replay every one; the load follows each region's local time;
 * and the one-screen summary has the operations, p99 per region, availability, staleness and cost.
 */
class QuickstartTest {
  private static final String QUICKSTART = "../configs/scenarios/quickstart.conf";
  private static final List<String> REGIONS = List.of("eu-west", "us-east", "us-west");
  private static final double CRASH_S = 90 * 60;
  private static final double RESTART_S = 110 * 60;

  @TempDir static Path tmp;
  private static CliOutcome run;
  private static JsonNode summary;
  /** metric -> scope -> interval end (s) -> value, from timeseries.csv. */
  private static final Map<String, Map<String, TreeMap<Double, Double>>> series = new TreeMap<>();

  @BeforeAll
  static void runTheQuickstart() throws IOException {
    Path out = tmp.resolve("run");
    run = geosim("run", QUICKSTART, "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> lines = Files.readAllLines(out.resolve("timeseries.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      series.computeIfAbsent(f[2], m -> new TreeMap<>()).computeIfAbsent(f[1], s -> new TreeMap<>())
          .put(Double.parseDouble(f[0]), Double.parseDouble(f[3]));
    }
  }

  @Test
  void theCrashFailsSomeOfUsEastsRequestsOnlyWhileTheNodeIsDown() {
    JsonNode byRegion = summary.at("/clients/byRegion");
    assertTrue(byRegion.at("/us-east/failed").asLong() > 0, "the crash fails requests in us-east: " + byRegion);
    assertEquals(0, byRegion.at("/us-west/failed").asLong(), byRegion.toString());
    assertEquals(0, byRegion.at("/eu-west/failed").asLong(), byRegion.toString());
    double availability = summary.get("availability").asDouble();
    assertTrue(availability < 1 && availability > 0.99, "availability " + availability);
    double interval = summary.at("/virtualSeconds").asDouble() / series.get("client.failed.perSecond").get("us-east").size();
    series.get("client.failed.perSecond").get("us-east").forEach((end, rate) -> {
      boolean overlapsTheCrash = end > CRASH_S && end - interval < RESTART_S + interval;
      assertTrue(rate == 0 || overlapsTheCrash, "us-east fails " + rate + "/s in the interval ending at " + end + " s");
    });
  }

  @Test
  void theCoordinatorsKeepHintsForTheDownNodeAndReplayThemAll() {
    JsonNode hints = summary.at("/store/hints");
    assertTrue(hints.get("stored").asLong() > 0, hints.toString());
    assertEquals(hints.get("stored").asLong(), hints.get("replayed").asLong(), hints.toString());
    assertEquals(0, hints.get("pending").asLong(), hints.toString());
    TreeMap<Double, Double> usEastUp = series.get("store.servers-up.secondsPerSecond").get("us-east");
    assertEquals(6, usEastUp.firstEntry().getValue(), 1e-9, "six us-east nodes up before the crash");
    assertTrue(usEastUp.values().stream().anyMatch(up -> up < 6), "one down during it: " + usEastUp);
    assertEquals(6, usEastUp.lastEntry().getValue(), 1e-9, "and all back at the end");
  }

  @Test
  void theLoadFollowsEachRegionsLocalEvening() {
    // Diurnal shapes peak at 8 pm local solar time: eu-west at 20:00 UTC (its evening is over in
    // these three hours from midnight UTC), us-west at 04:00 UTC (its evening is still to come).
    TreeMap<Double, Double> eu = series.get("client.requests.perSecond").get("eu-west");
    TreeMap<Double, Double> usWest = series.get("client.requests.perSecond").get("us-west");
    assertTrue(eu.lastEntry().getValue() < 0.85 * eu.firstEntry().getValue(), "eu-west falls: " + eu);
    assertTrue(usWest.lastEntry().getValue() > usWest.firstEntry().getValue(), "us-west rises: " + usWest);
  }

  @Test
  void theOneScreenSummaryHasOperationsP99PerRegionAvailabilityStalenessAndCost() {
    String out = run.out();
    assertTrue(out.startsWith("scenario  quickstart (seed 1)"), out);
    for (String region : REGIONS) {
      String p99 = region + " " + summary.at("/clients/byRegion/" + region + "/latencyMs/p99").asText();
      assertTrue(out.contains(p99), "p99 of " + region + " (" + p99 + ") in\n" + out);
    }
    for (String line : new String[] {"read ", "write ", "availability ", "staleness ", "cost ", "hints "}) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith(line)), "a line '" + line + "...' in\n" + out);
    }
    assertTrue(summary.at("/cost/usd").asDouble() > 0, summary.get("cost").toString());
    assertTrue(out.lines().count() <= 40, "one screen: " + out.lines().count() + " lines");
  }
}
