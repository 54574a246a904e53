package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import geosim.scenario.ScenarioConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fuzzing of the command-line overrides (Jazzer [1]): whatever a user passes as {@code --set
 * path=value} to {@code geosim validate}, or as {@code --vary path=v1,v2,...} to a sweep, ends in
 * valid settings or a clean bad-input error (exit 2, lines {@code geosim: ...}, no stack trace),
 * never another exception. Each line of the input is one argument. In a normal {@code ./mvnw
 * verify} the inputs under {@code src/test/resources/geosim/cli/CommandLineOverridesFuzzTestInputs/}
 * run as regression tests; to search for new ones:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl scenarios test -Dtest=CommandLineOverridesFuzzTest}.
 *
 * <p>[1] Code Intelligence, Jazzer: coverage-guided fuzzing for the JVM.
 */
class CommandLineOverridesFuzzTest {
  private static final String SCENARIO = "../configs/scenarios/quickstart.conf";
  /** Arguments taken from one input: a few are enough to combine overrides, and keep each input fast. */
  private static final int MAX_ARGS = 4;

  @FuzzTest(maxDuration = "60s")
  void anySetIsAppliedOrRejectedCleanly(FuzzedDataProvider data) {
    List<String> args = new ArrayList<>(List.of("validate", SCENARIO));
    for (String set : arguments(data)) {
      args.add("--set");
      args.add(set);
    }
    CliOutcome o = CliOutcome.geosim(args.toArray(String[]::new));
    if (o.code() == Main.EXIT_OK) {
      assertTrue(o.out().contains(": valid (scenario "), o.out());
    } else {
      assertEquals(Main.EXIT_BAD_INPUT, o.code(), "bad input exits 2: " + o);
      assertCleanLines(withoutJazzerNotes(o.err()));
    }
  }

  @FuzzTest(maxDuration = "60s")
  void anyVaryIsPlannedOrRejectedCleanly(FuzzedDataProvider data) throws Exception {
    ScenarioOptions options = new ScenarioOptions();
    options.file = Path.of(SCENARIO);
    options.overrides = List.of("duration=1m");
    List<String> varies = arguments(data);
    try {
      SweepCommand.Plan plan = SweepCommand.plan(options, varies, 2);
      assertEquals(varies.size(), plan.spec().variations().size());
      assertFalse(plan.spec().points().isEmpty(), "a sweep has a point");
    } catch (BadInputException e) {
      assertCleanLines("geosim: " + e.getMessage() + "\n");
    } catch (ScenarioConfigException e) {
      for (String problem : e.problems()) assertCleanLines("geosim: " + problem + "\n");
    }
  }

  /** The input's lines, at most {@link #MAX_ARGS}. */
  private static List<String> arguments(FuzzedDataProvider data) {
    String[] lines = data.consumeRemainingAsString().split("\n", -1);
    return List.of(lines).subList(0, Math.min(MAX_ARGS, lines.length));
  }

  /** Jazzer's notes on stderr ("INFO: Instrumented ...", coverage counters): not geosim's output. */
  private static String withoutJazzerNotes(String err) {
    return err.lines().filter(l -> !l.startsWith("INFO: ")).map(l -> l + "\n")
        .collect(Collectors.joining());
  }

  /** What a user sees of bad input: lines "geosim: <message>", none blank, no stack trace. */
  private static void assertCleanLines(String err) {
    assertTrue(err.endsWith("\n") && !err.isBlank(), "an error message: '" + err + "'");
    for (String line : err.split("\n")) {
      assertTrue(line.startsWith("geosim: ") && line.length() > "geosim: ".length(), "one clean line: '" + line + "'");
      assertFalse(line.startsWith("geosim: run failed"), "bad input, not a failure: '" + line + "'");
    }
  }
}
