package geosim.kernel;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One partition's metrics at a snapshot boundary: cumulative counters and private copies of the
 * histograms of the interval. Histograms cross JVMs in HdrHistogram's compressed encoding
 * ({@link HistogramJson}); within one JVM they are handed over as they are.
 */
record MetricsReport(
    SortedMap<String, Long> counters,
    @JsonSerialize(contentUsing = HistogramJson.Serializer.class)
    @JsonDeserialize(contentUsing = HistogramJson.Deserializer.class)
    SortedMap<String, Histogram> histograms)
    implements CrossPartitionMessage {

  MetricsReport {
    counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    histograms = Collections.unmodifiableSortedMap(new TreeMap<>(histograms));
  }

  /**
   * Takes the report of {@code metrics} at the snapshot boundary {@code atNs}, after its
   * samplers have run; starts a new histogram interval.
   */
  static MetricsReport drain(Metrics metrics, long atNs) {
    metrics.sample(atNs);
    SortedMap<String, Long> counters = new TreeMap<>();
    metrics.addCountersTo(counters);
    SortedMap<String, Histogram> interval = new TreeMap<>();
    metrics.drainHistogramsTo(interval);
    return new MetricsReport(counters, interval);
  }

  /** Adds this report into merged totals. */
  void addTo(SortedMap<String, Long> counterTotals, SortedMap<String, Histogram> histogramTotals) {
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      counterTotals.merge(e.getKey(), e.getValue(), Long::sum);
    }
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      Histogram total = histogramTotals.get(e.getKey());
      if (total == null) {
        // The first report's copy becomes the total: no second copy.
        Histogram own = e.getValue();
        own.setTag(e.getKey());
        histogramTotals.put(e.getKey(), own);
      } else {
        total.add(e.getValue());
      }
    }
  }
}
