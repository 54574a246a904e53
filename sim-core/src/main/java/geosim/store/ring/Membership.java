package geosim.store.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ring's membership over a run: the nodes on the ring at the start, and the bootstraps and
 * decommissions that change it, known before the run and applied one after another. Version
 * {@code k} is the ring after the first {@code k} changes; each version has its own {@link
 * ReplicaPlacement} over the same tokens (a joining node's tokens are drawn with everyone's,
 * before the run, and are passed over until it has joined), so the placements are built once and
 * shared read-only by every partition.
 *
 * <p>A change moves ranges: for each arc of the ring, the nodes that replicate it after the change
 * but not before (usually the joining node, or the next node clockwise of a leaving one) receive
 * it from a node that replicated it before and does not after (usually the leaving node, or the
 * node a joining one displaces), as Cassandra's RangeStreamer and {@code StorageService.unbootstrap}
 * pair them [1]; when no node loses the arc (a change of rack layout), the arc's first replica
 * before the change sends it. {@link #transfers(int)} lists them.
 *
 * <p>Example: 6 nodes, node 5 joining at 60 s ({@code initialMembers} excludes it), then node 0
 * leaving at 120 s: versions 0 (nodes 0–4), 1 (0–5), 2 (1–5); {@code transfers(0)} are the arcs
 * node 5 takes, each from the node it displaces.
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.dht.RangeStreamer} (bootstrap: for
 * each range, stream from the endpoint that loses it when consistent range movement is on) and
 * {@code StorageService.unbootstrap}/{@code getChangedRangesForLeaving} (decommission: stream each
 * range to the endpoints that gain it), 2.x–3.x.
 */
public final class Membership {
  /** What a change does to its node. */
  public enum Kind {
    /** The node joins the ring: it streams the ranges it will own, then serves them. */
    BOOTSTRAP,
    /** The node leaves the ring: it streams its ranges to their new owners, then leaves. */
    DECOMMISSION;

    /** The name in a scenario: {@code bootstrap}, {@code decommission}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code text}, or null. */
    public static Kind fromConfig(String text) {
      for (Kind kind : values()) {
        if (kind.configName().equals(text)) return kind;
      }
      return null;
    }
  }

  /**
   * One change of the ring.
   *
   * @param atNs when the node starts it (announces itself), virtual ns, >= 0
   * @param kind join or leave
   * @param node the ring node (server index)
   */
  public record Change(long atNs, Kind kind, int node) {
    public Change {
      if (atNs < 0) throw new IllegalArgumentException("atNs must be >= 0, got " + atNs);
      Objects.requireNonNull(kind, "kind");
      if (node < 0) throw new IllegalArgumentException("node must be >= 0, got " + node);
    }
  }

  /** One range a change moves: the arc at {@code position}, from {@code source} to {@code target}. */
  public record Transfer(int position, int source, int target) {}

  /** Most placements an elastic ring may precompute. Assumption: a few MB for a small ring; beyond, too slow to build. */
  public static final int ELASTIC_VERSIONS_MAX = 256;

  private final List<Change> changes;
  private final ReplicaPlacement[] placements;
  private final int[][] ladders; // elastic: each region's spares in join order; else null

  private Membership(List<Change> changes, ReplicaPlacement[] placements, int[][] ladders) {
    this.changes = changes;
    this.placements = placements;
    this.ladders = ladders;
  }

  private Membership(List<Change> changes, ReplicaPlacement[] placements) {
    this(changes, placements, null);
  }

  /**
   * An elastic ring: changes decided during the run (by an autoscaler), not known before it. Each
   * ladder lists spare nodes (not members at the start) that join in that order and leave in the
   * reverse order, one change at a time per ladder; every other node is a member throughout. A
   * version is then a vector {@code v}, {@code v[r]} spares of ladder r joined; the placements of
   * every vector are worked out here, before the run, and shared read-only ({@link #elasticIndex}).
   *
   * @throws IllegalArgumentException when the vectors are more than {@link #ELASTIC_VERSIONS_MAX},
   *     a node is in two ladders, or some vector leaves too few members for the strategy
   */
  public static Membership elastic(TokenRing ring, ReplicationStrategy strategy, PlacementStrategy placement,
      int[][] ladders) {
    int[][] copy = new int[ladders.length][];
    long count = 1;
    boolean[] member = new boolean[ring.nodeCount()];
    Arrays.fill(member, true);
    for (int r = 0; r < ladders.length; r++) {
      copy[r] = ladders[r].clone();
      count *= copy[r].length + 1;
      for (int node : copy[r]) {
        if (!member[node]) throw new IllegalArgumentException("node " + node + " is in two ladders");
        member[node] = false;
      }
    }
    if (count > ELASTIC_VERSIONS_MAX) {
      throw new IllegalArgumentException(count + " sets of members, more than " + ELASTIC_VERSIONS_MAX);
    }
    ReplicaPlacement[] placements = new ReplicaPlacement[(int) count];
    int[] v = new int[copy.length];
    for (int index = 0; index < count; index++) {
      boolean[] m = member.clone();
      int rest = index;
      for (int r = 0; r < copy.length; r++) {
        v[r] = rest % (copy[r].length + 1);
        rest /= copy[r].length + 1;
        for (int j = 0; j < v[r]; j++) m[copy[r][j]] = true;
      }
      placements[index] = placement(ring, strategy, placement, m, "the ring with spares " + Arrays.toString(v) + " joined");
    }
    return new Membership(List.of(), placements, copy);
  }

  /** Whether the ring changes at an autoscaler's decision ({@link #elastic}). */
  public boolean isElastic() {
    return ladders != null;
  }

  /** Ladders of an elastic ring (one per region): node indexes in join order. Empty when not elastic. */
  public int ladderCount() {
    return ladders == null ? 0 : ladders.length;
  }

  /** The nodes of ladder {@code r}, in join order (a copy). */
  public int[] ladder(int r) {
    return ladders[r].clone();
  }

  /** The version (placement index) of an elastic ring with {@code v[r]} spares of ladder r joined. */
  public int elasticIndex(int[] v) {
    int index = 0;
    for (int r = ladders.length - 1; r >= 0; r--) {
      if (v[r] < 0 || v[r] > ladders[r].length) throw new IllegalArgumentException("no " + v[r] + " spares in ladder " + r);
      index = index * (ladders[r].length + 1) + v[r];
    }
    return index;
  }

  /** Versions there are: {@code changeCount() + 1}, or every vector of an elastic ring. */
  public int versionCount() {
    return placements.length;
  }

  /** No changes: every node of {@code ring} is a member throughout. */
  public static Membership fixed(ReplicaPlacement placement) {
    return new Membership(List.of(), new ReplicaPlacement[] {placement});
  }

  /**
   * The versions of {@code ring} under {@code strategy} through {@code changes}.
   *
   * @param changes in the order they start ({@code atNs} ascending); a node changes at most once;
   *     a node that bootstraps is not a member before, one that leaves is
   * @throws IllegalArgumentException when the changes are out of order, name a node twice or out
   *     of the ring, or leave some version with too few nodes for the strategy (the message names
   *     the change)
   */
  public static Membership of(TokenRing ring, ReplicationStrategy strategy, List<Change> changes) {
    return of(ring, strategy, strategy, changes);
  }

  /**
   * As {@link #of(TokenRing, ReplicationStrategy, List)}, with the replicas of every version chosen
   * by {@code placement} (see {@link ReplicaPlacement#ReplicaPlacement(TokenRing,
   * ReplicationStrategy, PlacementStrategy, boolean[])}).
   */
  public static Membership of(TokenRing ring, ReplicationStrategy strategy, PlacementStrategy placement,
      List<Change> changes) {
    List<Change> list = List.copyOf(changes);
    boolean[] member = initialMembers(ring.nodeCount(), list);
    ReplicaPlacement[] placements = new ReplicaPlacement[list.size() + 1];
    placements[0] = placement(ring, strategy, placement, member, "the ring before the first change");
    for (int k = 0; k < list.size(); k++) {
      Change change = list.get(k);
      if (k > 0 && change.atNs() < list.get(k - 1).atNs()) {
        throw new IllegalArgumentException("change " + k + " starts before change " + (k - 1));
      }
      member[change.node()] = change.kind() == Kind.BOOTSTRAP;
      placements[k + 1] = placement(ring, strategy, placement, member, "the ring after change " + k + " ("
          + change.kind().configName() + " of node " + change.node() + ")");
    }
    return new Membership(list, placements);
  }

  private static ReplicaPlacement placement(TokenRing ring, ReplicationStrategy strategy,
      PlacementStrategy placement, boolean[] member, String which) {
    try {
      return new ReplicaPlacement(ring, strategy, placement, member);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
    }
  }

  /**
   * Which of {@code nodes} nodes are on the ring at the start: all but those whose change is a
   * bootstrap.
   *
   * @throws IllegalArgumentException when a change names a node out of range or a node twice
   */
  public static boolean[] initialMembers(int nodes, List<Change> changes) {
    boolean[] member = new boolean[nodes];
    Arrays.fill(member, true);
    boolean[] seen = new boolean[nodes];
    for (int k = 0; k < changes.size(); k++) {
      int node = changes.get(k).node();
      if (node >= nodes) throw new IllegalArgumentException("change " + k + " names node " + node + " of " + nodes);
      if (seen[node]) throw new IllegalArgumentException("change " + k + " names node " + node + " a second time");
      seen[node] = true;
      if (changes.get(k).kind() == Kind.BOOTSTRAP) member[node] = false;
    }
    return member;
  }

  /** How many changes there are; versions run from 0 to this. */
  public int changeCount() {
    return changes.size();
  }

  /** Change {@code k}, 0 to {@link #changeCount()} - 1. */
  public Change change(int k) {
    return changes.get(k);
  }

  /** The placement after the first {@code version} changes. */
  public ReplicaPlacement placement(int version) {
    return placements[version];
  }

  /** The placement after every change. */
  public ReplicaPlacement finalPlacement() {
    return placements[placements.length - 1];
  }

  /**
   * The replicas of {@code key} after change {@code k} that did not hold it before: where a write
   * must also go while the change is under way (Cassandra's pending ranges). Empty when none.
   */
  public int[] pendingReplicas(int k, long key) {
    return pendingReplicas(placements[k], placements[k + 1], key);
  }

  /** The replicas of {@code key} in {@code after} that are not in {@code before} (a change under way). */
  public static int[] pendingReplicas(ReplicaPlacement before, ReplicaPlacement after, long key) {
    int position = before.ring().positionOf(TokenRing.tokenOf(key));
    return gained(before.replicasAt(position), after.replicasAt(position));
  }

  /** The ranges change {@code k} moves, by ring position, each gained replica paired with a lost one. */
  public List<Transfer> transfers(int k) {
    return transfers(placements[k], placements[k + 1]);
  }

  /** The ranges a change from {@code before} to {@code after} moves (as {@link #transfers(int)}). */
  public static List<Transfer> transfers(ReplicaPlacement before, ReplicaPlacement after) {
    List<Transfer> out = new ArrayList<>();
    for (int position = 0; position < before.ring().size(); position++) {
      int[] old = before.replicasAt(position);
      int[] now = after.replicasAt(position);
      int[] gained = gained(old, now);
      int[] lost = gained(now, old);
      for (int i = 0; i < gained.length; i++) {
        out.add(new Transfer(position, i < lost.length ? lost[i] : old[0], gained[i]));
      }
    }
    return out;
  }

  /** The nodes of {@code now} not in {@code old}, in {@code now}'s order. */
  private static int[] gained(int[] old, int[] now) {
    int[] out = new int[now.length];
    int n = 0;
    for (int node : now) {
      boolean had = false;
      for (int o : old) had |= o == node;
      if (!had) out[n++] = node;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
