package geosim.store.repair;

import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The counters of anti-entropy repair, {@code store.repair.*}, summed over all nodes. */
public final class RepairMetrics {
  /** Counter: repair sessions (one per node and start) that finished. */
  static final String SESSIONS = "store.repair.sessions";
  /** Counter: starts skipped because the node's previous session was still running. */
  static final String SESSIONS_SKIPPED = "store.repair.sessions-skipped";
  /** Counter: token ranges whose trees were compared. */
  static final String RANGES = "store.repair.ranges";
  /** Counter: ranges with at least one differing leaf. */
  static final String RANGES_MISMATCHED = "store.repair.ranges-mismatched";
  /** Counter: leaves where some two replicas' hashes differ. */
  static final String LEAVES_MISMATCHED = "store.repair.leaves-mismatched";
  /** Counter: bytes validation read from disk. */
  static final String VALIDATION_BYTES = "store.repair.validation-bytes";
  /** Counter: bytes of Merkle trees sent to coordinators. */
  static final String TREE_BYTES = "store.repair.tree-bytes";
  /** Counter: streams (one direction between two replicas, one range) sent. */
  static final String STREAMS = "store.repair.streams";
  /** Counter: cell bytes streamed. */
  static final String BYTES_STREAMED = "store.repair.bytes-streamed";
  /** Counter: cells streamed. */
  static final String KEYS_STREAMED = "store.repair.keys-streamed";
  /** Counter: streamed cells that were news to their target (it lacked the key or held an older cell). */
  static final String KEYS_REPAIRED = "store.repair.keys-repaired";
  /** Counter: streams of range movements (one range from one source to one target). */
  public static final String MOVEMENT_STREAMS = "store.membership.streams";
  /** Counter: cell bytes streamed by range movements. */
  public static final String MOVEMENT_BYTES_STREAMED = "store.membership.bytes-streamed";
  /** Counter: cells streamed by range movements. */
  public static final String MOVEMENT_KEYS_STREAMED = "store.membership.keys-streamed";

  final Counter sessions;
  final Counter sessionsSkipped;
  final Counter ranges;
  final Counter rangesMismatched;
  final Counter leavesMismatched;
  final Counter validationBytes;
  final Counter treeBytes;
  private final Counter streams;
  private final Counter bytesStreamed;
  private final Counter keysStreamed;
  final Counter keysRepaired;
  private final Counter movementStreams;
  private final Counter movementBytesStreamed;
  private final Counter movementKeysStreamed;

  /** summary.json names (camelCase) of the counters, in counter order. */
  private static final String[][] SUMMARY = {
      {"sessions", SESSIONS}, {"sessionsSkipped", SESSIONS_SKIPPED}, {"ranges", RANGES},
      {"rangesMismatched", RANGES_MISMATCHED}, {"leavesMismatched", LEAVES_MISMATCHED},
      {"validationBytes", VALIDATION_BYTES}, {"treeBytes", TREE_BYTES}, {"streams", STREAMS},
      {"bytesStreamed", BYTES_STREAMED}, {"keysStreamed", KEYS_STREAMED}, {"keysRepaired", KEYS_REPAIRED}};

  /**
   * The run's totals for summary.json's {@code store.repair}: {@code sessions}, {@code
   * bytesStreamed}, {@code keysRepaired}, ...
   *
   * @param counter a counter's value by name, e.g. {@code result::counter}
   */
  public static SortedMap<String, Long> totals(ToLongFunction<String> counter) {
    SortedMap<String, Long> totals = new TreeMap<>();
    for (String[] entry : SUMMARY) totals.put(entry[0], counter.applyAsLong(entry[1]));
    return totals;
  }

  RepairMetrics(Metrics metrics) {
    sessions = metrics.counter(SESSIONS);
    sessionsSkipped = metrics.counter(SESSIONS_SKIPPED);
    ranges = metrics.counter(RANGES);
    rangesMismatched = metrics.counter(RANGES_MISMATCHED);
    leavesMismatched = metrics.counter(LEAVES_MISMATCHED);
    validationBytes = metrics.counter(VALIDATION_BYTES);
    treeBytes = metrics.counter(TREE_BYTES);
    streams = metrics.counter(STREAMS);
    bytesStreamed = metrics.counter(BYTES_STREAMED);
    keysStreamed = metrics.counter(KEYS_STREAMED);
    keysRepaired = metrics.counter(KEYS_REPAIRED);
    movementStreams = metrics.counter(MOVEMENT_STREAMS);
    movementBytesStreamed = metrics.counter(MOVEMENT_BYTES_STREAMED);
    movementKeysStreamed = metrics.counter(MOVEMENT_KEYS_STREAMED);
  }

  /** One stream of {@code keys} cells of {@code bytes} left its source: a repair's, or a range movement's. */
  void streamed(boolean movement, long keys, long bytes) {
    (movement ? movementStreams : streams).increment();
    (movement ? movementBytesStreamed : bytesStreamed).add(bytes);
    (movement ? movementKeysStreamed : keysStreamed).add(keys);
  }
}
