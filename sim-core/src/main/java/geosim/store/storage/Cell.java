package geosim.store.storage;

/**
 * One version of a key's value as a replica holds it, ordered last write wins: of two cells of a
 * key, the one with the later {@code timestampUs} wins, and at equal timestamps the higher {@code
 * version} wins. The order is total, so every replica keeps the same cell whatever order the writes
 * arrive in. Cassandra reconciles two live cells the same way by timestamp, and at equal
 * timestamps keeps the greater value [1]; this model carries no values, so the write's unique
 * version stands in for them.
 *
 * <p>Example: {@code new Cell(7, 1_000)} beats {@code new Cell(9, 999)} (later timestamp) and
 * loses to {@code new Cell(8, 1_000)} (same timestamp, higher version).
 *
 * <p>[1] Apache Cassandra source, {@code org.apache.cassandra.db.rows.Cells#reconcile}
 * (resolveRegular): the later timestamp wins; ties go to a tombstone, then to the greater value.
 *
 * @param version the write's identity, as the consistency audit numbers writes; any value
 * @param timestampUs the write's timestamp, microseconds (the coordinator's clock, skew included);
 *     any value
 */
public record Cell(long version, long timestampUs) implements Comparable<Cell> {

  /** Whether this cell wins over {@code other} (a later write); false for an equal cell. */
  public boolean supersedes(Cell other) {
    return compareTo(other) > 0;
  }

  /** Orders cells by timestamp, then version: the greatest cell is the one a replica keeps. */
  @Override
  public int compareTo(Cell other) {
    return compare(timestampUs, version, other.timestampUs, other.version);
  }

  /** The same order on unboxed fields, for the storage arrays. */
  public static int compare(long timestampUsA, long versionA, long timestampUsB, long versionB) {
    int byTime = Long.compare(timestampUsA, timestampUsB);
    return byTime != 0 ? byTime : Long.compare(versionA, versionB);
  }
}
