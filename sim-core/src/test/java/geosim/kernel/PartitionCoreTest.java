package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionCoreTest {
  @Test
  void anEventInThePartitionsPastIsRejected() {
    ActorRef<Object> ref = new ActorRef<>("a", Seeds.idOf("a"));
    ref.place(0, 0, 0);
    SimActor<Object> idle = (m, ctx) -> { };
    PartitionCore core = new PartitionCore(0, 2, 1, 10, List.of(new PartitionCore.Spawned(ref, idle)));
    core.start();
    core.runUntil(1_000);
    EventBatch late = new EventBatch(0, new long[] {999}, new long[] {5}, new long[] {0}, new int[] {0},
        new Object[] {"late"});
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> core.accept(late));
    assertTrue(e.getMessage().contains("in its past"), e.getMessage());
  }
}
