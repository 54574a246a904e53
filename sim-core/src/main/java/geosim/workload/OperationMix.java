package geosim.workload;

/**
 * The kinds of requests a client sends and their shares, after YCSB's core workloads. Shares are
 * >= 0 and add up to 1 (within 1e-9).
 *
 * @param read a read of one key
 * @param update a write of an existing key
 * @param insert a write of a new key ({@link KeyChooser.Source#insertKey})
 * @param scan a read of up to {@code scanLengthMax} consecutive keys (length uniform in 1..max)
 * @param readModifyWrite a read, then a write of the same key
 * @param scanLengthMax longest scan, >= 1
 */
public record OperationMix(double read, double update, double insert, double scan, double readModifyWrite,
    int scanLengthMax) {
  /** YCSB's maxscanlength default: 100 (CoreWorkload). */
  public static final int YCSB_SCAN_LENGTH_MAX = 100;

  /** The kinds, in the order {@link #draw} counts them. */
  public enum Kind { READ, UPDATE, INSERT, SCAN, READ_MODIFY_WRITE }

  public OperationMix {
    double[] shares = {read, update, insert, scan, readModifyWrite};
    double sum = 0;
    for (double s : shares) {
      if (!(s >= 0 && s <= 1)) throw new IllegalArgumentException("every share must be in [0, 1], got " + s);
      sum += s;
    }
    if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("the shares must add up to 1, got " + sum);
    if (scanLengthMax < 1) throw new IllegalArgumentException("scanLengthMax must be >= 1, got " + scanLengthMax);
  }

  /** Reads and writes only: {@code readFraction} reads, the rest updates. */
  public static OperationMix readsAndUpdates(double readFraction) {
    return new OperationMix(readFraction, 1 - readFraction, 0, 0, 0, YCSB_SCAN_LENGTH_MAX);
  }

  /** The kind of request for a uniform draw {@code u} in [0, 1). */
  public Kind draw(double u) {
    double c = read;
    if (u < c) return Kind.READ;
    if (u < (c += update)) return Kind.UPDATE;
    if (u < (c += insert)) return Kind.INSERT;
    if (u < (c += scan)) return Kind.SCAN;
    if (readModifyWrite > 0) return Kind.READ_MODIFY_WRITE;
    // Rounding left u above the sum: the last kind with a share.
    return scan > 0 ? Kind.SCAN : insert > 0 ? Kind.INSERT : update > 0 ? Kind.UPDATE : Kind.READ;
  }
}
