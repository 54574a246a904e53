package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzing of the scenario and topology loaders (Jazzer [1]): whatever text a user writes and
 * whatever --set they pass, loading ends with settings or a {@link ScenarioConfigException} of
 * one-line problems, never another exception. In a normal {@code ./mvnw verify} the inputs under
 * {@code src/test/resources/geosim/scenario/ScenarioLoaderFuzzTestInputs/} run as regression
 * tests; to search for new ones:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl sim-core test -Dtest=ScenarioLoaderFuzzTest}.
 *
 * <p>[1] Code Intelligence, Jazzer: coverage-guided fuzzing for the JVM.
 */
class ScenarioLoaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyScenarioTextLoadsOrFailsCleanly(FuzzedDataProvider data) {
    String set = data.consumeString(40);
    String text = data.consumeRemainingAsString();
    loadsOrFailsCleanly(text, set.isEmpty() ? List.of() : List.of(set));
  }

  @FuzzTest(maxDuration = "60s")
  void anyTopologyTextLoadsOrFailsCleanly(FuzzedDataProvider data) {
    try {
      TopologyReader.parse("fuzz-topology.conf", data.consumeRemainingAsString());
    } catch (ScenarioConfigException e) {
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank() || problem.contains("\n"), "one line per problem: '" + problem + "'");
      }
    }
  }

  static void loadsOrFailsCleanly(String text, List<String> overrides) {
    try {
      ScenarioLoader.parse("fuzz.conf", text, overrides);
    } catch (ScenarioConfigException e) {
      for (String problem : e.problems()) {
        assertFalse(problem.isBlank() || problem.contains("\n"), "one line per problem: '" + problem + "'");
      }
    }
  }
}
