package geosim.lab;

import geosim.kernel.Snapshot;
import geosim.kernel.VirtualTime;
import geosim.metrics.SnapshotValues;
import geosim.sweep.RunProbe;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When things happened in one run, for labs that ask "when": for every {@link Watch}, the first
 * and last snapshot time at which its series was at or above the threshold, and the series' peak.
 * It reads the snapshots through {@link SnapshotValues}, as {@code timeseries.csv} does, so the
 * times are those a student reads in that file (the end of each metrics interval). Adds
 * {@code timeline.<name>.{firstSeconds,lastSeconds,peak}} to the summary; the times are absent
 * when the series never reached its threshold.
 */
public final class Timeline implements RunProbe {
  private final List<Watch> watches;
  private final SnapshotValues values = new SnapshotValues();
  private final double[] first;
  private final double[] last;
  private final double[] peak;

  public Timeline(List<Watch> watches) {
    this.watches = List.copyOf(watches);
    first = new double[this.watches.size()];
    last = new double[this.watches.size()];
    peak = new double[this.watches.size()];
    Arrays.fill(first, Double.NaN);
    Arrays.fill(last, Double.NaN);
    Arrays.fill(peak, Double.NEGATIVE_INFINITY);
  }

  @Override
  public void onSnapshot(Snapshot s) {
    double time = VirtualTime.toSeconds(s.timeNs());
    values.convert(s, (name, measure, value) -> {
      String metric = name.metric() + measure;
      for (int i = 0; i < watches.size(); i++) {
        Watch w = watches.get(i);
        if (!w.scope().equals(name.scope()) || !w.metric().equals(metric)) continue;
        peak[i] = Math.max(peak[i], value);
        if (value >= w.threshold()) {
          if (Double.isNaN(first[i])) first[i] = time;
          last[i] = time;
        }
      }
    });
  }

  @Override
  public void addTo(SortedMap<String, Object> summary) {
    SortedMap<String, Object> timeline = new TreeMap<>();
    for (int i = 0; i < watches.size(); i++) {
      SortedMap<String, Object> w = new TreeMap<>();
      if (!Double.isNaN(first[i])) {
        w.put("firstSeconds", first[i]);
        w.put("lastSeconds", last[i]);
      }
      if (peak[i] > Double.NEGATIVE_INFINITY) w.put("peak", peak[i]);
      timeline.put(watches.get(i).name(), w);
    }
    summary.put("timeline", timeline);
  }
}
