package geosim.store.audit;

/**
 * Write versions unique to the run: the coordinator's sequence number times the number of
 * servers, plus the coordinator's index. Each coordinator's versions increase, and a version names
 * its coordinator, so the audit finds any write by its version. Example with 5 servers: server 3's
 * write number 7 is version 38; {@code serverOf(38, 5)} is 3.
 */
public final class Versions {
  /**
   * The version of a cell loaded before the run (store.workload.preloaded-keys): no coordinator
   * wrote it, and the audit takes it as acknowledged before any write started.
   */
  public static final long PRELOADED = -2;

  private Versions() {}

  /**
   * The version of write {@code sequence} (>= 0) of coordinator {@code server} (0 to servers - 1).
   *
   * @throws ArithmeticException when the version would overflow a long
   */
  public static long of(long sequence, int server, int servers) {
    if (sequence < 0) throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
    if (server < 0 || server >= servers) {
      throw new IllegalArgumentException("server must be between 0 and " + (servers - 1) + ", got " + server);
    }
    return Math.addExact(Math.multiplyExact(sequence, (long) servers), server);
  }

  /** The coordinator that wrote {@code version} (>= 0). */
  public static int serverOf(long version, int servers) {
    if (version < 0) throw new IllegalArgumentException("version must be >= 0, got " + version);
    return (int) (version % servers);
  }
}
