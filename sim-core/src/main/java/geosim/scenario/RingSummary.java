package geosim.scenario;

import geosim.kernel.Seeds;
import geosim.kernel.StreamRandom;
import geosim.store.ring.RingNode;
import geosim.store.ring.RingSettings;
import geosim.store.ring.TokenRing;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The {@code ring} validation model: a ring of abstract nodes ({@code ring/node-<i>}) with
 * random tokens from the run's stream {@code store/ring-tokens}, and {@code store.ownership} in
 * summary.json.
 */
final class RingSummary {
  private RingSummary() {}

  /** The ring the settings and seed give; the same seed gives the same tokens. */
  static TokenRing ring(RingSettings settings, long seed) {
    List<RingNode> nodes = new ArrayList<>();
    for (int i = 0; i < settings.nodes(); i++) nodes.add(new RingNode(i, "ring/node-" + i, "ring", "node-" + i));
    return TokenRing.random(nodes, settings.vnodes(), new StreamRandom(Seeds.streamSeed(seed, "store/ring-tokens")));
  }

  /**
   * {@code store.ownership}: the coefficient of variation (population standard deviation / mean)
   * of the nodes' shares of the ring, the theory's expected value sqrt((N - 1) / (N V + 1)), and the
   * smallest and largest share.
   */
  static SortedMap<String, Object> store(RingSettings settings, long seed) {
    double[] shares = ring(settings, seed).ownership();
    double mean = 1.0 / shares.length;
    double sd = new StandardDeviation(false).evaluate(shares);
    SortedMap<String, Object> ownership = new TreeMap<>();
    ownership.put("cv", sd / mean);
    ownership.put("cvTheory", TokenRing.expectedOwnershipCv(settings.nodes(), settings.vnodes()));
    double min = 1;
    double max = 0;
    for (double s : shares) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    ownership.put("min", min);
    ownership.put("max", max);
    ownership.put("nodes", settings.nodes());
    ownership.put("vnodes", settings.vnodes());
    SortedMap<String, Object> store = new TreeMap<>();
    store.put("ownership", ownership);
    return store;
  }
}
