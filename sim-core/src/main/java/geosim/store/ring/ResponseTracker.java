package geosim.store.ring;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request's answers at its coordinator: which replicas acknowledged, which failed (an error,
 * a timeout, or known down before sending), and whether the consistency level is met or can still
 * be. Mutable; belongs to the coordinator actor that owns the request.
 *
 * <p>Replicas are counted in groups, each needing some acknowledgements: one group of all
 * replicas (ONE, TWO, THREE, QUORUM, ALL, ANY; EACH_QUORUM under SimpleStrategy), one group of the
 * coordinator's region (LOCAL_ONE, LOCAL_QUORUM; other replicas' answers do not count), or one
 * group per region with its own quorum (EACH_QUORUM). The level is satisfied when every group has
 * its acknowledgements (ANY also by {@link #hintStored()}), and still possible while every group's
 * acknowledgements plus its unanswered replicas reach what it needs (ANY always is: the
 * coordinator can store a hint).
 *
 * <p>A replica's first answer counts; later ones (a late acknowledgement after a timeout) are
 * ignored. Example, QUORUM over three replicas: after {@code ack(a)} and {@code fail(b)} the
 * level is not met but still possible; {@code ack(c)} meets it; had c failed too, it would be
 * impossible.
 *
 * <p>Layout: a coordinator holds thousands of trackers and touches each again only when an answer
 * comes back, tens of milliseconds later, from main memory; so a tracker keeps its state in two
 * small arrays (per replica: node, group, state; per group: acknowledgements, unanswered) rather
 * than five.
 */
public final class ResponseTracker {
  private static final int PENDING = 0;
  private static final int ACKED = 1;
  private static final int FAILED = 2;
  /** Ints per replica in {@link #slots}: node, group (-1 when its answer does not count), state. */
  private static final int SLOT = 3;
  /** Ints per group in {@link #counts}: acknowledgements, replicas neither acknowledged nor failed. */
  private static final int GROUP = 2;
  /** Most replicas whose distinctness is checked pairwise rather than by sorting a copy. */
  private static final int PAIRWISE_MAX = 16;

  private final ConsistencyLevel level;
  private final int[] slots;
  private final int[] needed;
  private final int[] counts;
  private boolean hinted;

  private ResponseTracker(ResponseTracker original) {
    this.level = original.level;
    this.needed = original.needed;
    this.slots = original.slots.clone();
    this.counts = original.counts.clone();
    this.hinted = original.hinted;
  }

  private ResponseTracker(ConsistencyLevel level, ReplicaPlacement placement, String coordinatorRegion,
      int[] replicas) {
    this.level = level;
    Plan plan = placement.plan(level, coordinatorRegion);
    this.needed = plan.needed(); // shared and never written
    this.counts = new int[needed.length * GROUP];
    this.slots = new int[replicas.length * SLOT];
    for (int i = 0; i < replicas.length; i++) {
      int group = plan.groupOfRegion()[placement.regionIdOf(replicas[i])];
      slots[i * SLOT] = replicas[i];
      slots[i * SLOT + 1] = group;
      if (group >= 0) counts[group * GROUP + 1]++;
    }
  }

  /**
   * How a level counts answers for a coordinator in one region: the acknowledgements each group
   * needs, and each region's group (by {@link ReplicaPlacement#regionIdOf region id}; -1 when
   * its replicas' answers do not count). Worked out once per placement, level and region.
   */
  record Plan(int[] needed, int[] groupOfRegion) {
    static Plan of(ConsistencyLevel level, ReplicationStrategy strategy, String coordinatorRegion,
        List<String> regions) {
      Map<String, Integer> groups = groups(level, strategy, coordinatorRegion);
      int[] needed = new int[groups.size()];
      for (Map.Entry<String, Integer> group : groups.entrySet()) {
        needed[group.getValue()] = level.perRegion(strategy)
            ? ConsistencyLevel.quorum(((NetworkTopologyStrategy) strategy).rf(group.getKey()))
            : level.blockFor(strategy, coordinatorRegion);
      }
      boolean allCount = !level.isRegionLocal() && !level.perRegion(strategy);
      int[] groupOfRegion = new int[regions.size()];
      for (int r = 0; r < groupOfRegion.length; r++) {
        groupOfRegion[r] = allCount ? 0 : groups.getOrDefault(regions.get(r), -1);
      }
      return new Plan(needed, groupOfRegion);
    }

    /** Group ids by region name ("" for the one group of all replicas), in name order. */
    private static Map<String, Integer> groups(ConsistencyLevel level, ReplicationStrategy strategy, String local) {
      Map<String, Integer> groups = new TreeMap<>();
      if (level.perRegion(strategy)) {
        for (String region : ((NetworkTopologyStrategy) strategy).rfByRegion().keySet()) {
          groups.put(region, groups.size());
        }
      } else {
        groups.put(level.isRegionLocal() ? local : "", 0);
      }
      return groups;
    }
  }

  /**
   * A tracker for a write.
   *
   * @param placement the placement the replicas come from (its strategy sets the quorums)
   * @param coordinatorRegion the coordinator's region, for LOCAL_* levels
   * @param replicas the key's replicas, e.g. {@code placement.replicas(key)}: distinct nodes of the ring
   */
  public static ResponseTracker forWrite(ConsistencyLevel level, ReplicaPlacement placement,
      String coordinatorRegion, int[] replicas) {
    return create(level, placement, coordinatorRegion, replicas);
  }

  /**
   * A tracker for a read: as {@link #forWrite}, but ANY is refused.
   *
   * @throws IllegalArgumentException for ANY
   */
  public static ResponseTracker forRead(ConsistencyLevel level, ReplicaPlacement placement,
      String coordinatorRegion, int[] replicas) {
    if (level == ConsistencyLevel.ANY) {
      throw new IllegalArgumentException("level ANY is for writes only: a hint holds nothing to read");
    }
    return create(level, placement, coordinatorRegion, replicas);
  }

  private static ResponseTracker create(ConsistencyLevel level, ReplicaPlacement placement,
      String coordinatorRegion, int[] replicas) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(coordinatorRegion, "coordinatorRegion");
    Objects.requireNonNull(replicas, "replicas");
    for (int node : replicas) {
      if (node < 0 || node >= placement.ring().nodeCount()) {
        throw new IllegalArgumentException("replicas holds node " + node + ", not a node of the ring (0 to "
            + (placement.ring().nodeCount() - 1) + ")");
      }
    }
    int twice = repeated(replicas);
    if (twice >= 0) throw new IllegalArgumentException("replicas holds node " + twice + " twice");
    return new ResponseTracker(level, placement, coordinatorRegion, replicas);
  }

  /** A node {@code nodes} holds twice, or -1: pairwise for a few (no allocation), else by sorting a copy. */
  private static int repeated(int[] nodes) {
    if (nodes.length <= PAIRWISE_MAX) {
      for (int i = 1; i < nodes.length; i++) {
        for (int j = 0; j < i; j++) {
          if (nodes[i] == nodes[j]) return nodes[i];
        }
      }
      return -1;
    }
    int[] sorted = nodes.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) return sorted[i];
    }
    return -1;
  }

  /** A tracker in this one's state that goes its own way: e.g. to play out which replicas to ask. */
  public ResponseTracker copy() {
    return new ResponseTracker(this);
  }

  /**
   * Records replica {@code node}'s acknowledgement (a write applied, or a read's answer).
   *
   * @return true if this was the replica's first answer; false if it had answered already
   * @throws IllegalArgumentException if {@code node} is not one of the replicas
   */
  public boolean ack(int node) {
    return answer(node, ACKED);
  }

  /** Records that replica {@code node} failed, timed out or is known down; as {@link #ack}. */
  public boolean fail(int node) {
    return answer(node, FAILED);
  }

  private boolean answer(int node, int outcome) {
    int at = slotOf(node);
    if (slots[at + 2] != PENDING) return false;
    slots[at + 2] = outcome;
    int group = slots[at + 1];
    if (group >= 0) {
      counts[group * GROUP + 1]--;
      if (outcome == ACKED) counts[group * GROUP]++;
    }
    return true;
  }

  /** The index in {@link #slots} of {@code node}'s entry. */
  private int slotOf(int node) {
    for (int at = 0; at < slots.length; at += SLOT) {
      if (slots[at] == node) return at;
    }
    throw new IllegalArgumentException("node " + node + " is not a replica of this request: "
        + Arrays.toString(replicas()));
  }

  /**
   * Records that the coordinator stored a hint for a replica: meets level ANY.
   *
   * @throws IllegalStateException for any other level (hints never count towards them)
   */
  public void hintStored() {
    if (level != ConsistencyLevel.ANY) {
      throw new IllegalStateException("a hint counts only towards level ANY, this request is " + level);
    }
    hinted = true;
  }

  /**
   * Whether an acknowledgement from {@code node} would count towards a group still short of
   * acknowledgements: it has not answered, its answer counts for the level, and its group needs
   * more. A coordinator that contacts only the replicas the level needs picks them with this.
   *
   * @throws IllegalArgumentException if {@code node} is not one of the replicas
   */
  public boolean needs(int node) {
    int at = slotOf(node);
    int group = slots[at + 1];
    return slots[at + 2] == PENDING && group >= 0 && counts[group * GROUP] < needed[group];
  }

  /** The replicas of the request, in the order it was given them (a copy). */
  public int[] replicas() {
    int[] out = new int[slots.length / SLOT];
    for (int i = 0; i < out.length; i++) out[i] = slots[i * SLOT];
    return out;
  }

  /** Whether replica {@code node} has answered: acknowledged, failed or known down. */
  public boolean answered(int node) {
    return slots[slotOf(node) + 2] != PENDING;
  }

  /** Whether the level is met. */
  public boolean satisfied() {
    if (hinted) return true;
    for (int g = 0; g < needed.length; g++) {
      if (counts[g * GROUP] < needed[g]) return false;
    }
    return true;
  }

  /** Whether the level is met or can still be met by the replicas that have not answered. */
  public boolean stillPossible() {
    if (level == ConsistencyLevel.ANY) return true;
    for (int g = 0; g < needed.length; g++) {
      if (counts[g * GROUP] + counts[g * GROUP + 1] < needed[g]) return false;
    }
    return true;
  }

  public ConsistencyLevel level() {
    return level;
  }

  /** Acknowledgements the level needs in all: {@link ConsistencyLevel#blockFor}. */
  public int blockFor() {
    int sum = 0;
    for (int need : needed) sum += need;
    return sum;
  }

  /** Acknowledgements received, counted or not. */
  public int acks() {
    return count(ACKED);
  }

  /** Failures recorded. */
  public int failures() {
    return count(FAILED);
  }

  /** Replicas that have not answered yet. */
  public int pending() {
    return count(PENDING);
  }

  private int count(int outcome) {
    int n = 0;
    for (int at = 2; at < slots.length; at += SLOT) {
      if (slots[at] == outcome) n++;
    }
    return n;
  }
}
