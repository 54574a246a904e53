package geosim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.ConfigFactory;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster unit carries its scenario as resolved text (includes and overrides applied on the
 * driver); the worker's settings parsed from that text must equal the driver's, for every
 * model and for scenarios with includes.
 */
class ShippedUnitTest {
  @ParameterizedTest
  @ValueSource(strings = {"scenarios/atlantic-ping.conf", "scenarios/quickstart.conf", "scenarios/three-regions-ping.conf",
      "scenarios/store-3-regions-small.conf", "scenarios/store-repair.conf", "validation/queue.conf",
      "validation/ring.conf", "validation/pbs.conf", "validation/failure-detector.conf", "labs/01-queueing.conf"})
  void theResolvedTextLoadsToTheSameSettingsAsTheFile(String name) throws Exception {
    Path file = Path.of("../configs").resolve(name);
    ScenarioSettings onDriver = ScenarioLoader.load(file, List.of("seed=12345"));
    ScenarioSettings onWorker = ScenarioLoader.parse(file.toString(), onDriver.renderResolved(), List.of());
    assertEquals(onDriver.renderResolved(), onWorker.renderResolved());
    assertEquals(onDriver.name(), onWorker.name());
    assertEquals(onDriver.seed(), onWorker.seed());
  }

  /** The launcher sets -Dgeosim.home on drivers and not always on workers: it is no scenario key. */
  @Test
  void systemPropertiesDoNotLeakIntoTheShippedText() throws Exception {
    String old = System.setProperty("geosim.home", "/somewhere");
    ConfigFactory.invalidateCaches(); // the reference is cached with the properties of its first load
    try {
      ScenarioSettings s = ScenarioLoader.load(Path.of("../configs/scenarios/atlantic-ping.conf"), List.of());
      assertFalse(s.renderResolved().contains("somewhere"), s.renderResolved());
    } finally {
      if (old == null) System.clearProperty("geosim.home");
      else System.setProperty("geosim.home", old);
      ConfigFactory.invalidateCaches();
    }
  }
}
