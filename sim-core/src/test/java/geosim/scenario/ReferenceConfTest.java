package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** reference.conf is the documentation of every key: each one needs its comment. */
class ReferenceConfTest {
  private static final Config GEOSIM =
      ConfigFactory.parseResources(ReferenceConfTest.class, "/reference.conf").getConfig("geosim");

  @Test
  void everyKeyHasACommentAbove() {
    List<String> bare = new ArrayList<>();
    collect(GEOSIM.root(), "", bare, v -> v.origin().comments().isEmpty());
    assertTrue(bare.isEmpty(), "keys without a comment in reference.conf: " + bare);
  }

  @Test
  void everyPingDefaultGivesASourceOrIsMarkedAnAssumption() {
    List<String> unsourced = new ArrayList<>();
    collect(GEOSIM.getObject("ping"), "ping", unsourced, v -> {
      String comment = String.join("\n", v.origin().comments());
      return !comment.contains("Source:") && !comment.contains("Assumption:");
    });
    assertTrue(unsourced.isEmpty(), "ping defaults without Source: or Assumption: " + unsourced);
  }

  @Test
  void everyQueueDefaultGivesASourceOrIsMarkedAnAssumption() {
    List<String> unsourced = new ArrayList<>();
    collect(GEOSIM.getObject("queue"), "queue", unsourced, v -> {
      String comment = String.join("\n", v.origin().comments());
      return !comment.contains("Source:") && !comment.contains("Assumption:");
    });
    assertTrue(unsourced.isEmpty(), "queue defaults without Source: or Assumption: " + unsourced);
  }

  @Test
  void everyStoreDefaultGivesASourceOrIsMarkedAnAssumption() {
    List<String> unsourced = new ArrayList<>();
    collect(GEOSIM.getObject("store"), "store", unsourced, v -> {
      String comment = String.join("\n", v.origin().comments());
      return !(v instanceof ConfigObject) && !comment.contains("Source:") && !comment.contains("Assumption:");
    });
    assertTrue(unsourced.isEmpty(), "store defaults without Source: or Assumption: " + unsourced);
  }

  @Test
  void everyFleetAndCostDefaultGivesASourceOrIsMarkedAnAssumption() {
    List<String> unsourced = new ArrayList<>();
    for (String block : List.of("fleet", "cost")) {
      collect(GEOSIM.getObject(block), block, unsourced, v -> {
        String comment = String.join("\n", v.origin().comments());
        return !(v instanceof ConfigObject) && !comment.contains("Source:") && !comment.contains("Assumption:");
      });
    }
    assertTrue(unsourced.isEmpty(), "fleet and cost defaults without Source: or Assumption: " + unsourced);
  }

  private static void collect(ConfigObject object, String path, List<String> out,
      Predicate<ConfigValue> bad) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(object).entrySet()) {
      String keyPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (bad.test(e.getValue())) out.add(keyPath);
      if (e.getValue() instanceof ConfigObject) collect((ConfigObject) e.getValue(), keyPath, out, bad);
    }
  }
}
