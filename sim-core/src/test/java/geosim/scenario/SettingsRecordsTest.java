package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import geosim.kernel.PartitionBy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsRecordsTest {
  @Test
  void engineSettingsRejectsOutOfRangeValues() {
    assertEquals("partitions must be between 1 and 256, got 0",
        assertThrows(IllegalArgumentException.class, () -> new EngineSettings(PartitionBy.NONE, 0, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EngineSettings(PartitionBy.NONE, 257, 0));
    assertThrows(IllegalArgumentException.class, () -> new EngineSettings(PartitionBy.NONE, 1, -1));
    assertThrows(NullPointerException.class, () -> new EngineSettings(null, 1, 0));
  }

  @Test
  void scenarioSettingsRejectsEmptyNameAndNonPositiveTimes() {
    EngineSettings engine = new EngineSettings(PartitionBy.NONE, 1, 0);
    var ping = ScenarioLoaderTest.defaultPing();
    var config = ConfigFactory.empty();
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioSettings("", "", "x.conf", 1, 1, 1, engine, ping, config));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioSettings("x", "", "x.conf", 1, 0, 1, engine, ping, config));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioSettings("x", "", "x.conf", 1, 1, 0, engine, ping, config));
  }

  @Test
  void exceptionCopiesProblemsAndJoinsThemInItsMessage() {
    List<String> problems = new ArrayList<>(List.of("a.conf:1: seed: one", "a.conf:2: duration: two"));
    ScenarioConfigException e = new ScenarioConfigException(problems);
    problems.clear();
    assertEquals(List.of("a.conf:1: seed: one", "a.conf:2: duration: two"), e.problems());
    assertEquals("a.conf:1: seed: one\na.conf:2: duration: two", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ScenarioConfigException(List.of()));
  }

  @Test
  void editDistanceCountsASwapOfNeighboursAsOne() {
    assertEquals(0, EditDistance.between("seed", "seed"));
    assertEquals(1, EditDistance.between("nmae", "name"));
    assertEquals(1, EditDistance.between("partiton-by", "partition-by"));
    assertEquals(4, EditDistance.between("", "seed"));
    assertEquals(3, EditDistance.between("kitten", "sitting"));
  }
}
