package geosim.kernel;

/** A monotonically growing count held by one partition; the kernel sums partitions in snapshots. */
public final class Counter {
  private long value;

  /** Adds one. */
  public void increment() {
    value++;
  }

  /**
   * Adds {@code amount}.
   *
   * @param amount >= 0
   */
  public void add(long amount) {
    if (amount < 0) throw new IllegalArgumentException("amount must be >= 0, got " + amount);
    value += amount;
  }

  public long value() {
    return value;
  }
}
