package geosim.store.ring;

import java.util.Objects;
import java.util.Optional;

/**
 * How many replicas must answer a request before the coordinator replies, as Cassandra defines it
 * [1], [2]. With rf the strategy's total replication factor, rf(r) region r's, and the
 * coordinator in region L:
 *
 * <pre>
 * ONE, TWO, THREE   1, 2, 3 replicas, anywhere
 * QUORUM            floor(rf / 2) + 1, anywhere           rf = 3+3: 4 of 6
 * LOCAL_ONE         1 replica in L
 * LOCAL_QUORUM      floor(rf(L) / 2) + 1, in L            rf(L) = 3: 2
 * EACH_QUORUM       floor(rf(r) / 2) + 1 in every region  3+3: 2 and 2, 4 in all
 * ALL               rf
 * ANY (writes only) 1 replica, or a hint stored at the coordinator
 * </pre>
 *
 * A quorum is a majority, so a write quorum and a read quorum of one key overlap in at least one
 * replica (R + W > N, [3]). {@link SimpleStrategy} knows no regions: as in Cassandra, LOCAL_QUORUM
 * then asks a quorum of the whole rf and EACH_QUORUM is QUORUM, while LOCAL_* still count only
 * replicas in the coordinator's region (so SimpleStrategy suits one region).
 *
 * <p>[1] Apache Cassandra, {@code org.apache.cassandra.db.ConsistencyLevel#blockFor}
 * (quorumFor = rf / 2 + 1, localQuorumFor, EACH_QUORUM sums the regions' local quorums). <br>
 * [2] DataStax, Cassandra 2.0 documentation, "About hinted handoff writes" (a hint makes a write
 * succeed only at ANY), and the DataStax drivers' ConsistencyLevel reference (ANY succeeds through
 * a hint even when every replica is down). <br>
 * [3] G. DeCandia et al., "Dynamo", SOSP 2007, section 4.5 (R + W > N quorums).
 */
public enum ConsistencyLevel {
  ONE,
  TWO,
  THREE,
  QUORUM,
  LOCAL_ONE,
  LOCAL_QUORUM,
  EACH_QUORUM,
  ALL,
  /** Writes only: one replica's acknowledgement, or a hint the coordinator stored for a replica. */
  ANY;

  /** A majority of {@code rf} replicas: floor(rf / 2) + 1. quorum(3) = 2, quorum(4) = 3, quorum(0) = 1. */
  public static int quorum(int rf) {
    if (rf < 0) throw new IllegalArgumentException("rf must be >= 0, got " + rf);
    return rf / 2 + 1;
  }

  /** Whether only replicas in the coordinator's region count: LOCAL_ONE and LOCAL_QUORUM. */
  public boolean isRegionLocal() {
    return this == LOCAL_ONE || this == LOCAL_QUORUM;
  }

  /** Whether reads may use this level: all but ANY (a hint holds no data to read). */
  public boolean allowsReads() {
    return this != ANY;
  }

  /**
   * Whether a quorum is needed in every region: EACH_QUORUM with {@link NetworkTopologyStrategy}
   * (with SimpleStrategy it is QUORUM).
   */
  boolean perRegion(ReplicationStrategy strategy) {
    return this == EACH_QUORUM && strategy instanceof NetworkTopologyStrategy;
  }

  /**
   * Answers the coordinator waits for (Cassandra's {@code blockFor}): see the table above. For
   * EACH_QUORUM the sum of the regions' quorums; for ANY 1 (a replica or a hint).
   *
   * @param localRegion the coordinator's region (used by LOCAL_* only; a region without replicas
   *     has rf 0, so LOCAL_QUORUM asks 1)
   */
  public int blockFor(ReplicationStrategy strategy, String localRegion) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(localRegion, "localRegion");
    int rf = strategy.replicationFactor();
    return switch (this) {
      case ONE, LOCAL_ONE, ANY -> 1;
      case TWO -> 2;
      case THREE -> 3;
      case QUORUM -> quorum(rf);
      case ALL -> rf;
      case LOCAL_QUORUM -> quorum(localRf(strategy, localRegion));
      case EACH_QUORUM -> eachQuorum(strategy);
    };
  }

  private static int eachQuorum(ReplicationStrategy strategy) {
    if (!(strategy instanceof NetworkTopologyStrategy nts)) return quorum(strategy.replicationFactor());
    int sum = 0;
    for (int rf : nts.rfByRegion().values()) sum += quorum(rf);
    return sum;
  }

  /**
   * Replicas of a key in {@code region}: the region's rf under NetworkTopologyStrategy; under
   * SimpleStrategy the whole rf (it knows no regions, so Cassandra counts it all as local).
   */
  static int localRf(ReplicationStrategy strategy, String region) {
    return strategy instanceof NetworkTopologyStrategy nts ? nts.rf(region) : strategy.replicationFactor();
  }

  /**
   * Why this level can never be met with every replica up, or empty if it can: for config
   * validation. THREE with rf 2, or LOCAL_QUORUM from a region that keeps no replica, cannot.
   * Under SimpleStrategy, LOCAL_* assume all replicas may be local (a one-region ring).
   *
   * @param localRegion the coordinator's region
   */
  public Optional<String> whyUnsatisfiable(ReplicationStrategy strategy, String localRegion) {
    int need = blockFor(strategy, localRegion);
    if (this == ANY || perRegion(strategy)) return Optional.empty(); // every region's rf >= 1 >= its quorum
    if (isRegionLocal()) {
      int local = localRf(strategy, localRegion);
      return local >= need ? Optional.empty() : Optional.of(this + " needs " + need + " replica(s) in region "
          + localRegion + ", but " + strategy + " keeps " + local + " there");
    }
    int rf = strategy.replicationFactor();
    return rf >= need ? Optional.empty()
        : Optional.of(this + " needs " + need + " replicas, but " + strategy + " keeps " + rf);
  }

  /** {@code whyUnsatisfiable(strategy, localRegion).isEmpty()}. */
  public boolean canBeSatisfied(ReplicationStrategy strategy, String localRegion) {
    return whyUnsatisfiable(strategy, localRegion).isEmpty();
  }
}
