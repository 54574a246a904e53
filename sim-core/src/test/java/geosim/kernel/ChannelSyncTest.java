package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ChannelSync}'s implied window promise (start + lookahead) counts for a peer only once every
 * Progress message that peer sent before the window has arrived: between JVMs the coordinator's
 * window orders may overtake a peer's last Progress, whose events must not land in the past.
 */
class ChannelSyncTest {
  private static final long LOOKAHEAD_NS = 100;

  @Test
  void aPeersImpliedPromiseWaitsForItsProgressMessagesFromBeforeTheWindow() {
    List<Object> received = new ArrayList<>();
    ActorRef<Object> ref = new ActorRef<>("a", Seeds.idOf("a"));
    ref.place(0, 0, 0);
    SimActor<Object> actor = (m, ctx) -> received.add(m);
    PartitionCore core = new PartitionCore(0, 2, 1, LOOKAHEAD_NS, List.of(new PartitionCore.Spawned(ref, actor)));
    core.start();
    ChannelSync sync = new ChannelSync(core, 2);
    // Peer 1 sent one Progress before this window (due at 50 ns, within start + L); it has not come yet.
    sync.open(0, 1_000, new long[] {0, 1});
    sync.step();
    assertTrue(core.doneUntil() < 50, "ran to " + core.doneUntil() + " ns before the peer's message came");
    EventBatch late = new EventBatch(0, new long[] {50}, new long[] {7}, new long[] {0}, new int[] {0},
        new Object[] {"from peer 1"});
    sync.heard(new PartitionProtocol.Progress(1, 40, late));
    while (sync.step()) {
      // runs to the implied promise, now that the peer's earlier message is here
    }
    assertEquals(List.of("from peer 1"), received);
    assertEquals(LOOKAHEAD_NS, core.doneUntil(), "the implied promise, start + L, counts once the message came");
  }
}
