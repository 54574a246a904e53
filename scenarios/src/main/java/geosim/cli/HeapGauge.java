package geosim.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Heap figures for the memory benchmarks, all in bytes. {@link #usedAfterFullGc()} is the live
 * heap as well as a JVM can tell it (used heap after full collections). A gauge opened around a
 * run also records, while it is open, the most heap left after any collection (young ones
 * included, so old garbage may count) and the heap pools' peak usage (garbage included: how high
 * the collector let the heap grow, which depends on its sizing and on {@code -Xmx}).
 */
final class HeapGauge implements AutoCloseable {
  private final Set<String> heapPools;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (notification, handback) -> onGc(notification.getUserData());
  private final AtomicLong usedAfterGcMax = new AtomicLong();

  private HeapGauge() {
    heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  }

  /** Starts recording: resets the pools' peaks and listens to every collector. */
  static HeapGauge open() {
    HeapGauge gauge = new HeapGauge();
    for (MemoryPoolMXBean pool : heapPools()) pool.resetPeakUsage();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gauge.listener,
            n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()), null);
        gauge.emitters.add(emitter);
      }
    }
    return gauge;
  }

  /**
   * The live heap by class, from the JVM's class histogram (the {@code GC.class_histogram}
   * diagnostic command, which runs a full collection first, so only reachable objects count): the
   * bytes of every class's instances, largest first, and under {@link #TOTAL} their sum. Unlike
   * the pools' used figure after a collection, this does not count space the collector has not
   * handed back (it varied by tens of MB from one reading to the next on a steady 700 MB heap).
   */
  static Map<String, Long> classHistogram() {
    String histogram;
    try {
      histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("the class histogram is not available: " + e, e);
    }
    // Lines: "   1:   1234   5678   [J (java.base@17)", largest first, then "Total   1234   5678".
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (String line : histogram.split("\\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) bytes.put(f[3], Long.parseLong(f[2]));
      if (f.length == 3 && f[0].equals("Total")) bytes.put(TOTAL, Long.parseLong(f[2]));
    }
    if (!bytes.containsKey(TOTAL)) throw new IllegalStateException("no total in the class histogram");
    return bytes;
  }

  /** The key of {@link #classHistogram}'s sum. */
  static final String TOTAL = "(total)";

  /**
   * Used heap after full collections: the smallest of four readings, each after {@code
   * System.gc()}.
   *
   * @throws BadInputException when explicit collections are disabled, so the figure would mean nothing
   */
  static long usedAfterFullGc() {
    if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC")) {
      throw new BadInputException("bench memory: -XX:+DisableExplicitGC is set, so heap after full GCs cannot be measured");
    }
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** The most heap used right after any collection since {@link #open()}; 0 when none ran. */
  long usedAfterGcMaxBytes() {
    return usedAfterGcMax.get();
  }

  /** The sum of the heap pools' peak usage since {@link #open()}: at least the peak of used heap. */
  long usedPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : heapPools()) sum += pool.getPeakUsage().getUsed();
    return sum;
  }

  private void onGc(Object userData) {
    if (!(userData instanceof CompositeData data)) return;
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
    long used = 0;
    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
    }
    usedAfterGcMax.accumulateAndGet(used, Math::max);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        throw new IllegalStateException("GC listener vanished before it was removed", e);
      }
    }
  }
}
