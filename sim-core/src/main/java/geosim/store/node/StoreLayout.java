package geosim.store.node;

import geosim.topology.Placement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every store server knows of every other before the run, shared read-only: how close two
 * servers are (the snitch's view: same server, rack, data center, region) and each server's clock
 * offset ({@link ClockSettings}).
 */
final class StoreLayout {
  private final int[] region;
  private final int[] dataCenter;
  private final int[] rack;
  private final long[] clockOffsetsNs;

  private StoreLayout(int[] region, int[] dataCenter, int[] rack, long[] clockOffsetsNs) {
    this.region = region;
    this.dataCenter = dataCenter;
    this.rack = rack;
    this.clockOffsetsNs = clockOffsetsNs;
  }

  /** The layout of {@code servers} (in server order) with the given clock offsets. */
  static StoreLayout of(List<Placement> servers, long[] clockOffsetsNs) {
    if (clockOffsetsNs.length != servers.size()) {
      throw new IllegalArgumentException(clockOffsetsNs.length + " clock offsets for " + servers.size() + " servers");
    }
    int n = servers.size();
    int[] region = new int[n];
    int[] dataCenter = new int[n];
    int[] rack = new int[n];
    Map<String, Integer> ids = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Placement p = servers.get(i);
      String r = p.region().name();
      String dc = r + "/" + p.dataCenter().name();
      region[i] = ids.computeIfAbsent(r, k -> ids.size());
      dataCenter[i] = ids.computeIfAbsent(dc, k -> ids.size());
      rack[i] = ids.computeIfAbsent(dc + "/" + p.rack().name(), k -> ids.size());
    }
    return new StoreLayout(region, dataCenter, rack, clockOffsetsNs.clone());
  }

  /** 0 for the same server, 1 same rack, 2 same data center, 3 same region, 4 another region. */
  int distance(int a, int b) {
    if (a == b) return 0;
    if (rack[a] == rack[b]) return 1;
    if (dataCenter[a] == dataCenter[b]) return 2;
    return region[a] == region[b] ? 3 : 4;
  }

  boolean sameRegion(int a, int b) {
    return region[a] == region[b];
  }

  /** {@code replicas} sorted by distance from {@code from}, ties in their given (ring preference) order. */
  int[] byDistance(int from, int[] replicas) {
    int[] sorted = replicas.clone();
    for (int i = 1; i < sorted.length; i++) {
      int node = sorted[i];
      int d = distance(from, node);
      int j = i - 1;
      while (j >= 0 && distance(from, sorted[j]) > d) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = node;
    }
    return sorted;
  }

  /** Server {@code server}'s clock offset from true time, ns. */
  long clockOffsetNs(int server) {
    return clockOffsetsNs[server];
  }
}
