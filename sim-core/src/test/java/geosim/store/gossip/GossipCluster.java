package geosim.store.gossip;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.KernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Test-only: N {@link GossipNodeActor}s on the kernel in one data center, every message taking
 * the same delay; node {@code victim} crashes at {@code crashAtNs}, and the run goes on long
 * enough for every observer to convict it.
 */
final class GossipCluster {
  static final String DETECTIONS = "gossip.victim.detections";
  static final String DETECTION_NS_SUM = "gossip.victim.detection-ns-sum";
  static final String DETECTION_US = "gossip.victim.detection-us";
  static final String WINDOW_MEAN_NS_SUM = "gossip.victim.window-mean-ns-sum";
  static final String LAST_NEWS_NS_SUM = "gossip.victim.last-news-ns-sum";
  static final String CROSSING_NS_SUM = "gossip.victim.crossing-ns-sum";
  static final String UPDATE_INTERVALS = "gossip.victim.update-intervals";
  static final String UPDATE_INTERVAL_NS_SUM = "gossip.victim.update-interval-ns-sum";
  static final String UPDATE_GAPS_OVER_MAX = "gossip.victim.update-gaps-over-max";
  static final String UPDATE_INTERVAL_RECORDED_NS_SUM = "gossip.victim.update-interval-recorded-ns-sum";
  static final String VICTIM_LAST_ROUND_NS = "gossip.victim.last-round-ns";
  static final String FALSE_CONVICTIONS = "gossip.false-convictions";

  private GossipCluster() {}

  /**
   * One experiment.
   *
   * @param nodes cluster size, >= 3; nodes 0 and 1 are the seeds
   * @param victim the node that crashes (not a seed)
   * @param crashAtNs when it crashes
   * @param measureFromNs observers count intervals between news of the victim from here to the crash
   * @param endNs when the run stops
   */
  record Setup(int nodes, GossipSettings settings, long delayNs, String victim, long crashAtNs,
      long measureFromNs, long endNs) {

    /** A cluster of {@code nodes} in which {@code node-05} crashes at {@code crashAtNs}. */
    static Setup of(int nodes, GossipSettings settings, long delayNs, long crashAtNs, long measureFromNs) {
      // Long enough for phi to cross twice the threshold at a 2 s mean, plus propagation.
      long tailNs = (long) (2 * settings.phiConvictThreshold() * 2 * settings.intervalNs() * Math.log(10));
      return new Setup(nodes, settings, delayNs, name(5), crashAtNs, measureFromNs, crashAtNs + tailNs);
    }
  }

  /**
   * What one run measured, averaged over the observers (all nodes but the victim). Times in ns;
   * staleness is last news minus crash, spread is last news minus the victim's last round, check
   * wait is conviction minus the time φ crossed the threshold.
   */
  record Result(
      long detections,
      double detectionNsMean,
      double windowMeanNsMean,
      double stalenessNsMean,
      double spreadNsMean,
      double checkWaitNsMean,
      double updateIntervalNsMean,
      double recordedIntervalNsMean,
      long updateIntervals,
      long updateGapsOverMax,
      long falseConvictions,
      long detectionUsMin,
      long detectionUsMax,
      Map<String, Long> counters) {}

  static String name(int i) {
    return String.format("dc1/node-%02d", i);
  }

  static Result run(KernelRuntime runtime, Setup setup, long seed) {
    // Every node is in one partition unit, so no message crosses units and any lookahead is
    // valid: the whole run is one window.
    Kernel.Builder b = Kernel.builder(KernelSettings.of(seed, setup.endNs(), setup.endNs()));
    Map<String, ActorRef<NodeProtocol>> directory = new TreeMap<>();
    List<String> seeds = List.of(name(0), name(1));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < setup.nodes(); i++) names.add(name(i));
    for (String n : names) {
      Gossiper g = new Gossiper(n, 0, seeds, setup.settings());
      directory.put(n, b.spawn(n, new GossipNodeActor(g, directory, setup)));
    }
    RunResult r = b.build().run(runtime);
    return result(r, setup);
  }

  private static Result result(RunResult r, Setup setup) {
    double n = r.counter(DETECTIONS);
    double lastNews = r.counter(LAST_NEWS_NS_SUM) / n;
    long kept = r.counter(UPDATE_INTERVALS) - r.counter(UPDATE_GAPS_OVER_MAX);
    Histogram h = r.histograms().get(DETECTION_US);
    return new Result(
        r.counter(DETECTIONS),
        r.counter(DETECTION_NS_SUM) / n,
        r.counter(WINDOW_MEAN_NS_SUM) / n,
        lastNews - setup.crashAtNs(),
        lastNews - r.counter(VICTIM_LAST_ROUND_NS),
        (r.counter(DETECTION_NS_SUM) + setup.crashAtNs() * n - r.counter(CROSSING_NS_SUM)) / n,
        r.counter(UPDATE_INTERVAL_NS_SUM) / (double) r.counter(UPDATE_INTERVALS),
        r.counter(UPDATE_INTERVAL_RECORDED_NS_SUM) / (double) kept,
        r.counter(UPDATE_INTERVALS),
        r.counter(UPDATE_GAPS_OVER_MAX),
        r.counter(FALSE_CONVICTIONS),
        h == null ? -1 : h.getMinValue(),
        h == null ? -1 : h.getMaxValue(),
        r.counters());
  }
}
