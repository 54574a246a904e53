package geosim.store.repair;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.store.ring.ReplicaPlacement;
import java.util.Arrays;

/**
 * The coordinator side of a node's repair session: its primary ranges one after another, as
 * Cassandra's RepairSession runs its RepairJobs [1]. For each range it asks every replica for its
 * Merkle tree; when all have answered it compares the trees pairwise, and for every pair that
 * differs asks each of the two to stream the differing leaves to the other (Cassandra's
 * Differencer and StreamingRepairTask: both directions, whole leaves, so a leaf of many keys is
 * streamed for one stale key — over-streaming). When every stream of the range is applied, the
 * next range starts; after the last, the session is done.
 *
 * <p>A start while a session runs is skipped (counted). A message lost at a network cut stalls the
 * session (Cassandra's repair fails instead); later starts of this node are then skipped too.
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.repair} (2.0): RepairSession,
 * RepairJob, Differencer.
 */
final class RepairCoordinator {
  private final RepairHost host;
  private final ReplicaPlacement placement;
  private final int[] primaryPositions;
  private final RepairMetrics metrics;
  private final int depth;
  private boolean running;
  private long session;
  private int rangeIndex;
  private int[] replicas;
  private MerkleTree[] trees;
  private int treesPending;
  private int syncsPending;

  /** @param depth the Merkle trees' depth, which sync requests name their leaves in */
  RepairCoordinator(RepairHost host, ReplicaPlacement placement, int[] primaryPositions, RepairMetrics metrics,
      int depth) {
    this.host = host;
    this.placement = placement;
    this.primaryPositions = primaryPositions;
    this.metrics = metrics;
    this.depth = depth;
  }

  void onStart(ActorContext<FabricMessage> ctx) {
    if (running) {
      metrics.sessionsSkipped.increment();
      return;
    }
    running = true;
    session++;
    rangeIndex = -1;
    nextRange(ctx);
  }

  void onTree(RepairProtocol.TreeResponse response, ActorContext<FabricMessage> ctx) {
    if (!current(response.session(), response.position()) || trees == null) return;
    int slot = slotOf(response.replica());
    if (slot < 0 || trees[slot] != null) return;
    trees[slot] = response.tree();
    if (--treesPending == 0) compare(ctx);
  }

  void onSyncComplete(RepairProtocol.SyncComplete complete, ActorContext<FabricMessage> ctx) {
    if (!current(complete.session(), complete.position()) || treesPending > 0) return;
    if (--syncsPending == 0) nextRange(ctx);
  }

  private boolean current(long messageSession, int position) {
    return running && messageSession == session && position == primaryPositions[rangeIndex];
  }

  private int slotOf(int replica) {
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] == replica) return i;
    }
    return -1;
  }

  private void nextRange(ActorContext<FabricMessage> ctx) {
    rangeIndex++;
    if (rangeIndex == primaryPositions.length) {
      running = false;
      metrics.sessions.increment();
      return;
    }
    int position = primaryPositions[rangeIndex];
    replicas = placement.replicasAt(position);
    trees = new MerkleTree[replicas.length];
    treesPending = replicas.length;
    syncsPending = 0;
    for (int replica : replicas) {
      long flowId = AntiEntropy.flowId(host.index(), session, position, replica);
      host.send(replica, flowId, RepairProtocol.HEADER_BYTES,
          new RepairProtocol.ValidationRequest(host.index(), session, position, flowId), ctx);
    }
  }

  /** Compares every pair of trees; asks the replicas of each differing pair to stream to each other. */
  private void compare(ActorContext<FabricMessage> ctx) {
    metrics.ranges.increment();
    int position = primaryPositions[rangeIndex];
    int[] mismatched = new int[0];
    for (int a = 0; a < replicas.length; a++) {
      for (int b = a + 1; b < replicas.length; b++) {
        int[] leaves = trees[a].differingLeaves(trees[b]);
        if (leaves.length == 0) continue;
        mismatched = union(mismatched, leaves);
        sync(replicas[a], replicas[b], position, leaves, ctx);
        sync(replicas[b], replicas[a], position, leaves, ctx);
      }
    }
    trees = null; // the trees are done with; a session may hold many ranges
    metrics.leavesMismatched.add(mismatched.length);
    if (mismatched.length > 0) metrics.rangesMismatched.increment();
    if (syncsPending == 0) nextRange(ctx);
  }

  private void sync(int source, int target, int position, int[] leaves, ActorContext<FabricMessage> ctx) {
    syncsPending++;
    long flowId = AntiEntropy.flowId(host.index(), session, position, source);
    host.send(source, flowId, RepairProtocol.HEADER_BYTES + 4L * leaves.length,
        new RepairProtocol.SyncRequest(host.index(), session, position, target, depth, leaves, flowId), ctx);
  }

  /** The union of two ascending arrays, ascending. */
  static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        out[n++] = a[i++];
      } else if (i == a.length || b[j] < a[i]) {
        out[n++] = b[j++];
      } else {
        out[n++] = a[i++];
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
