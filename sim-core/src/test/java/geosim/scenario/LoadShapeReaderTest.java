package geosim.scenario;

import static geosim.workload.LoadShape.HOUR_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import geosim.workload.LoadShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadShapeReaderTest {
  @TempDir Path tmp;

  private static LoadShapeReader.RegionalShape read(Config config, Problems problems) {
    return new LoadShapeReader(new ValueReader(problems), problems).read(config.root().get("shape"), "shape");
  }

  @Test
  void shapesMultiplyAndDiurnalOnesFollowTheRegionsLocalTime() {
    Problems problems = new Problems("t.conf");
    LoadShapeReader.RegionalShape shape = read(ConfigFactory.parseString(
        "shape = [ { kind = diurnal, peak-hour = 20, trough = 0.5 }, { kind = constant, factor = 3 } ]"), problems);
    assertNotNull(shape, () -> problems.toException().problems().toString());
    double east = LoadShapeReader.RegionalShape.utcOffsetOf(-77.49);
    assertEquals(-5, east);
    LoadShape us = shape.at(east);
    assertEquals(3, us.factor(HOUR_NS), 1e-12); // 20:00 in UTC-5 is 01:00 UTC
    assertEquals(1.5, us.factor(13 * HOUR_NS), 1e-12);
    assertEquals(3, shape.at(0).factor(20 * HOUR_NS), 1e-12);
  }

  @Test
  void anEmptyListIsAConstantOne() {
    Problems problems = new Problems("t.conf");
    assertEquals(1, read(ConfigFactory.parseString("shape = []"), problems).at(0).factor(12345), 0);
  }

  @Test
  void aTraceIsReadBesideTheScenarioFileAndItsProblemsNameBothFiles() throws Exception {
    Files.writeString(tmp.resolve("load.csv"), "time,rate\n0,100\n3600,300\n");
    Path scenario = tmp.resolve("s.conf");
    Files.writeString(scenario, "shape = [ { kind = trace, file = load.csv } ]\n");
    Problems problems = new Problems(scenario.toString());
    LoadShapeReader.RegionalShape shape = read(ConfigFactory.parseFile(scenario.toFile(), ConfigParseOptions.defaults()), problems);
    assertNotNull(shape, () -> problems.toException().problems().toString());
    assertEquals(200, shape.at(0).factor(HOUR_NS / 2), 1e-9);

    Files.writeString(tmp.resolve("load.csv"), "time,rate\n0,100\n3600,300\n1800,5\n");
    Problems bad = new Problems(scenario.toString());
    assertNull(read(ConfigFactory.parseFile(scenario.toFile(), ConfigParseOptions.defaults()), bad));
    assertEquals(List.of(scenario + ":1: shape[0].file: load.csv:4: times must increase: 1800 s comes after 3600 s"),
        bad.toException().problems());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown kind       | shape = [ { kind = sine } ]                                         | t.conf:1: shape[0].kind: expected one of constant, step, ramp, diurnal, weekly, mmo-launch, flash-crowd, trace, got 'sine'",
      "negative factor    | shape = [ { kind = constant, factor = -2 } ]                        | t.conf:1: shape[0].factor: must be between 0 and 1000000, got -2",
      "trough above one   | shape = [ { kind = diurnal, peak-hour = 20, trough = 1.5 } ]        | t.conf:1: shape[0].trough: must be between 0 and 1, got 1.5",
      "ramp backwards     | shape = [ { kind = ramp, start = 2h, end = 1h, from = 1, to = 2 } ] | t.conf:1: shape[0].end: must be after start",
      "a stray key        | shape = [ { kind = weekly, weekend = 1.2, peak-hour = 3 } ]         | t.conf:1: shape[0].peak-hour: unknown key (expected one of kind, utc-offset, weekend)",
      "not a list         | shape = diurnal                                                      | t.conf:1: shape: expected a list such as [{ kind = diurnal, peak-hour = 20, trough = 0.3 }], got 'diurnal'",
      "flash crowd from 0 | shape = [ { kind = flash-crowd, start = 0s, grow = 3d, from = 0, to = 100 } ] | t.conf:1: shape[0].from: must be > 0, got 0",
      "missing trace      | shape = [ { kind = trace, file = nope.csv } ]                       | t.conf:1: shape[0].file: cannot read nope.csv: NoSuchFileException nope.csv",
  })
  void badShapesAreReportedWithLineAndKey(String what, String text, String message) {
    Problems problems = new Problems("t.conf");
    assertNull(read(ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription("t.conf")), problems), what);
    assertEquals(List.of(message), problems.toException().problems(), what);
  }
}
