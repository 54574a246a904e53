package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --set block=null} for every block of reference.conf is bad input naming the block, never
 * another exception (the command-line fuzzer found {@code --set engine=null} failing with a
 * NullPointerException). The check is structural, before any model's reader, so two scenarios
 * (ping and store) stand for all.
 */
class NullBlocksTest {
  /** Every path of reference.conf whose default is a block, sorted. */
  private static List<String> blocks() {
    ConfigObject reference = ConfigFactory.defaultReferenceUnresolved(ScenarioLoader.class.getClassLoader())
        .resolve().getConfig(ScenarioLoader.REFERENCE_BLOCK).root();
    TreeSet<String> paths = new TreeSet<>();
    collect(reference, "", paths);
    paths.remove(UnknownKeys.FREE_FORM); // the scenario's own values: null is a value like any other
    return new ArrayList<>(paths);
  }

  private static void collect(ConfigObject object, String parent, TreeSet<String> paths) {
    for (String key : object.keySet()) {
      ConfigValue child = object.get(key);
      if (!(child instanceof ConfigObject block)) continue;
      String path = ValueReader.path(parent, key);
      paths.add(path);
      collect(block, path, paths);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"scenarios/quickstart.conf", "scenarios/explore-store-faults.conf"})
  void everyBlockSetToNullIsBadInputNamingIt(String file) {
    List<String> blocks = blocks();
    assertTrue(blocks.size() > 20 && blocks.contains("engine"), blocks.toString());
    for (String block : blocks) {
      ScenarioConfigException e = assertThrows(ScenarioConfigException.class,
          () -> ScenarioLoader.load(Path.of("../configs/" + file), List.of(block + "=null")), block);
      assertEquals(List.of("--set " + block + ": expected a block of settings { ... }, got null"), e.problems(), block);
    }
  }
}
