package geosim.kernel;

import java.util.Locale;

/**
 * How partitions keep each other's clocks in check between snapshot boundaries. Both give the
 * same results; they differ only in how the work spreads over threads.
 *
 * <ul>
 *   <li>{@link #WINDOWS}: a global barrier after every window {@code [T, T + L)}, T the earliest
 *       pending event anywhere. Idle stretches are jumped in one step; every partition waits for
 *       the slowest at every window. Best for sparse or bursty models and for partitions of equal
 *       load.
 *   <li>{@link #CHANNELS}: the same windows, {@link #CHANNEL_WINDOW_LOOKAHEADS} lookaheads wide;
 *       inside one, each partition runs ahead as far as its peers' promises allow
 *       (Chandy-Misra-Bryant with null messages: a peer promises to send nothing earlier than its
 *       own safe time plus L), in short steps, on a work-stealing pool. A partition waits only
 *       for peers it could hear from, so more partitions than cores share the cores: three equal
 *       regions on two cores cost 3/2 of a region's work per core per window instead of 2. Best
 *       for dense loads of unequal units; with a lookahead far below the gaps between events it
 *       pays up to that many rounds of promises per window.
 * </ul>
 */
public enum Sync {
  WINDOWS,
  CHANNELS;

  /**
   * Under CHANNELS the coordinator's windows span this many lookaheads: inside one, partitions
   * pace each other; at its end they meet, and the next window starts at the earliest pending
   * event, so an idle stretch costs at most this many rounds of promises however small the
   * lookahead (docs/benchmarks.md has the measurements behind the value).
   */
  static final int CHANNEL_WINDOW_LOOKAHEADS = 16;

  /** The span of the coordinator's windows for a model with this lookahead. */
  public long windowNs(long lookaheadNs) {
    if (this == WINDOWS) return lookaheadNs;
    long span = lookaheadNs * CHANNEL_WINDOW_LOOKAHEADS;
    return span / CHANNEL_WINDOW_LOOKAHEADS == lookaheadNs ? span : Long.MAX_VALUE;
  }

  /** The name used in configs: {@code windows} or {@code channels}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of windows|channels, got 'x'}
   */
  public static Sync fromConfig(String value) {
    for (Sync s : values()) {
      if (s.configName().equals(value)) return s;
    }
    throw new IllegalArgumentException("expected one of windows|channels, got '" + value + "'");
  }
}
