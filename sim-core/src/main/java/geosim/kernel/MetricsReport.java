package geosim.kernel;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One partition's metrics at a snapshot boundary: cumulative counters and the histograms of
 * the interval, compressed with HdrHistogram's own encoding so the report is plain data.
 */
record MetricsReport(SortedMap<String, Long> counters, SortedMap<String, byte[]> histograms)
    implements CrossPartitionMessage {

  MetricsReport {
    counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    histograms = Collections.unmodifiableSortedMap(new TreeMap<>(histograms));
  }

  /** Takes the report of {@code metrics}, starting a new histogram interval. */
  static MetricsReport drain(Metrics metrics) {
    SortedMap<String, Long> counters = new TreeMap<>();
    metrics.addCountersTo(counters);
    SortedMap<String, Histogram> interval = new TreeMap<>();
    metrics.drainHistogramsTo(interval);
    SortedMap<String, byte[]> encoded = new TreeMap<>();
    for (Map.Entry<String, Histogram> e : interval.entrySet()) {
      Histogram h = e.getValue();
      ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
      int length = h.encodeIntoCompressedByteBuffer(buffer);
      byte[] bytes = new byte[length];
      buffer.flip();
      buffer.get(bytes);
      encoded.put(e.getKey(), bytes);
    }
    return new MetricsReport(counters, encoded);
  }

  /** Adds this report into merged totals. */
  void addTo(SortedMap<String, Long> counterTotals, SortedMap<String, Histogram> histogramTotals) {
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      counterTotals.merge(e.getKey(), e.getValue(), Long::sum);
    }
    for (Map.Entry<String, byte[]> e : histograms.entrySet()) {
      Histogram h = decode(e.getKey(), e.getValue());
      histogramTotals.computeIfAbsent(e.getKey(), n -> Metrics.newHistogram()).add(h);
    }
  }

  private static Histogram decode(String name, byte[] bytes) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException e) {
      throw new IllegalStateException("histogram " + name + " could not be decoded", e);
    }
  }
}
