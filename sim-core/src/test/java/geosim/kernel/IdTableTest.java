package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import geosim.kernel.StreamRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link IdTable} against a TreeMap, with requests ending out of order, some living long. */
class IdTableTest {
  @Test
  void behavesAsAMapWhileIdsGrowAndRequestsEndOutOfOrder() {
    IdTable<String> table = new IdTable<>();
    TreeMap<Long, String> expected = new TreeMap<>();
    StreamRandom random = new StreamRandom(3);
    for (long id = 0; id < 50_000; id++) {
      table.put(id, "r" + id);
      expected.put(id, "r" + id);
      // Most requests end within ~200 ids; every 1000th lives 5000 ids, so the table grows to
      // 8192 slots and ids further back alias live slots.
      long victim = id - random.nextInt(200);
      if (victim >= 0 && victim % 1000 != 0) {
        table.remove(victim);
        expected.remove(victim);
      }
      if (id >= 5000 && id % 1000 == 0) {
        table.remove(id - 5000);
        expected.remove(id - 5000);
      }
      long probe = Math.max(0, id - random.nextInt(20_000));
      assertEquals(expected.get(probe), table.get(probe), "id " + probe + " after adding " + id);
    }
    assertEquals(expected.size(), table.size());
    for (long id : expected.keySet()) assertEquals(expected.get(id), table.get(id));
    assertNull(table.get(50_000), "never added");
    table.remove(50_000);
    assertEquals(expected.size(), table.size(), "removing an absent id changes nothing");
  }
}
