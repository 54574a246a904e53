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
 */
public final class ResponseTracker {
  private static final byte PENDING = 0;
  private static final byte ACKED = 1;
  private static final byte FAILED = 2;

  private final ConsistencyLevel level;
  private final int[] replicas;
  private final int[] groupOf; // per replica: its group, or -1 when its answer does not count
  private final int[] needed;
  private final int[] acked;
  private final int[] unanswered; // per group: replicas neither acknowledged nor failed
  private final byte[] state;
  private boolean hinted;

  private ResponseTracker(ConsistencyLevel level, ReplicaPlacement placement, String coordinatorRegion,
      int[] replicas) {
    this.level = level;
    this.replicas = replicas.clone();
    this.state = new byte[replicas.length];
    Plan plan = placement.plan(level, coordinatorRegion);
    this.needed = plan.needed(); // shared and never written
    this.acked = new int[needed.length];
    this.unanswered = new int[needed.length];
    this.groupOf = new int[replicas.length];
    for (int i = 0; i < replicas.length; i++) {
      groupOf[i] = plan.groupOfRegion()[placement.regionIdOf(replicas[i])];
      if (groupOf[i] >= 0) unanswered[groupOf[i]]++;
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
    int[] sorted = replicas.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] < 0 || sorted[i] >= placement.ring().nodeCount()) {
        throw new IllegalArgumentException("replicas holds node " + sorted[i] + ", not a node of the ring (0 to "
            + (placement.ring().nodeCount() - 1) + ")");
      }
      if (i > 0 && sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("replicas holds node " + sorted[i] + " twice");
      }
    }
    return new ResponseTracker(level, placement, coordinatorRegion, replicas);
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

  private boolean answer(int node, byte outcome) {
    int slot = slotOf(node);
    if (state[slot] != PENDING) return false;
    state[slot] = outcome;
    int group = groupOf[slot];
    if (group >= 0) {
      unanswered[group]--;
      if (outcome == ACKED) acked[group]++;
    }
    return true;
  }

  private int slotOf(int node) {
    for (int i = 0; i < replicas.length; i++) {
      if (replicas[i] == node) return i;
    }
    throw new IllegalArgumentException("node " + node + " is not a replica of this request: "
        + Arrays.toString(replicas));
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
    int slot = slotOf(node);
    int group = groupOf[slot];
    return state[slot] == PENDING && group >= 0 && acked[group] < needed[group];
  }

  /** The replicas of the request, in the order it was given them (a copy). */
  public int[] replicas() {
    return replicas.clone();
  }

  /** Whether replica {@code node} has answered: acknowledged, failed or known down. */
  public boolean answered(int node) {
    return state[slotOf(node)] != PENDING;
  }

  /** Whether the level is met. */
  public boolean satisfied() {
    if (hinted) return true;
    for (int g = 0; g < needed.length; g++) {
      if (acked[g] < needed[g]) return false;
    }
    return true;
  }

  /** Whether the level is met or can still be met by the replicas that have not answered. */
  public boolean stillPossible() {
    if (level == ConsistencyLevel.ANY) return true;
    for (int g = 0; g < needed.length; g++) {
      if (acked[g] + unanswered[g] < needed[g]) return false;
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

  private int count(byte outcome) {
    int n = 0;
    for (byte s : state) {
      if (s == outcome) n++;
    }
    return n;
  }
}
