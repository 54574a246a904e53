package geosim.store.node;

import geosim.kernel.StreamRandom;

/**
 * How often a read also asks the replicas its consistency level does not need, so that digest
 * mismatches with them are repaired in the background: Cassandra 2.0 to 3.11's per-table {@code
 * read_repair_chance} (all replicas) and {@code dclocal_read_repair_chance} (the replicas of the
 * coordinator's data center, here its region) [1]. One uniform draw {@code u} per read decides, as
 * Cassandra does: {@code u < chance} asks all replicas, else {@code u < dcLocalChance} asks the
 * local region's, else only those the level needs. With both 0 no draw is made.
 *
 * <p>[1] Apache Cassandra 3.11 source, {@code CFMetaData#newReadRepairDecision} and {@code
 * TableParams} (defaults read_repair_chance 0.0, dclocal_read_repair_chance 0.1); both options
 * were removed in Cassandra 4.0 (CASSANDRA-13910).
 *
 * @param chance probability a read asks all replicas, 0 to 1
 * @param dcLocalChance probability (including {@code chance}) a read asks at least the local region's replicas, 0 to 1
 */
public record ReadRepairSettings(double chance, double dcLocalChance) {
  /** Cassandra 3.x's table defaults: 0.0 and 0.1. */
  public static final ReadRepairSettings CASSANDRA_3 = new ReadRepairSettings(0.0, 0.1);

  /** Which replicas a read asks beyond those its level needs. */
  public enum Decision {
    /** Only the replicas the level needs. */
    NONE,
    /** Also every replica in the coordinator's region. */
    DC_LOCAL,
    /** Every replica. */
    GLOBAL
  }

  public ReadRepairSettings {
    if (!(chance >= 0 && chance <= 1)) throw new IllegalArgumentException("chance must be between 0 and 1, got " + chance);
    if (!(dcLocalChance >= 0 && dcLocalChance <= 1)) {
      throw new IllegalArgumentException("dcLocalChance must be between 0 and 1, got " + dcLocalChance);
    }
  }

  /** The decision for one read, drawing from {@code random} only when a chance is above 0. */
  public Decision decide(StreamRandom random) {
    if (chance == 0 && dcLocalChance == 0) return Decision.NONE;
    double u = random.nextDouble();
    if (u < chance) return Decision.GLOBAL;
    return u < dcLocalChance ? Decision.DC_LOCAL : Decision.NONE;
  }
}
