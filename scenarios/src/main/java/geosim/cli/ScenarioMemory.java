package geosim.cli;

import geosim.kernel.RunResult;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code geosim bench memory --scenario FILE}: the heap a scenario takes per server of its
 * topology, as used heap after full GCs (bytes) at three points: before loading it, after loading
 * it (settings and topology), after building its model on a kernel; then, optionally, during and
 * after a run.
 *
 * <p>The scenario is loaded once and dropped before the first reading, so the one-off costs of
 * loading any scenario (classes' static state, the parsed reference.conf) are not charged to its
 * servers. Example, for a 100,000-server topology:
 * {@code geosim bench memory --scenario configs/bench/global-100k.conf --run}.
 *
 * <p>A soak ({@code --sample-every 1d}): during the run, at the first snapshot at or after each
 * multiple of the period, the used heap after full GCs and the live heap by the class histogram
 * (absolute bytes), the part of it that is the model's simulated data, and the largest growth of
 * a later sample's live heap over the first's, with and without the model's data ({@code
 * soakGrowthAfterFirst}, {@code soakGrowthAfterFirstWithoutModelData}; 0.1 = 10 %). The samples are taken
 * between windows, so the run itself does not change.
 */
final class ScenarioMemory {
  private final Path file;
  private final List<String> overrides;

  ScenarioMemory(Path file, List<String> overrides) {
    this.file = file;
    this.overrides = List.copyOf(overrides);
  }

  /**
   * Measures; with {@code run}, also runs the scenario to its end.
   *
   * @param sampleEveryNs with {@code run}: the soak's sampling period, ns; 0 for none
   * @param topClasses with samples: how many of the classes taking the most heap each sample lists
   * @return the figures, in the order they are printed
   * @throws BadInputException when the scenario has no topology (its model is not netping)
   */
  Map<String, Object> measure(boolean run, long sampleEveryNs, int topClasses) throws ScenarioConfigException {
    checkHasTopology(ScenarioLoader.load(file, overrides));
    long baseline = HeapGauge.usedAfterFullGc();
    ScenarioSettings scenario = ScenarioLoader.load(file, overrides);
    long loaded = HeapGauge.usedAfterFullGc();
    Simulation simulation = Simulation.create(scenario);
    long built = HeapGauge.usedAfterFullGc();
    Reference.reachabilityFence(scenario);
    int servers = scenario.topology().servers().size();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", scenario.name());
    json.put("model", scenario.model().configName());
    json.put("servers", servers);
    json.put("partitions", simulation.partitionCount());
    json.put("baselineBytes", baseline);
    json.put("settingsBytes", loaded - baseline);
    json.put("modelBytes", built - loaded);
    json.put("heapBytes", built - baseline);
    json.put("bytesPerServer", Math.round((built - baseline) / (double) servers * 10) / 10.0);
    if (run) json.putAll(run(simulation, baseline, sampleEveryNs, topClasses));
    json.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    return json;
  }

  private void checkHasTopology(ScenarioSettings scenario) {
    if (scenario.topology() == null) {
      throw new BadInputException("bench memory: " + file + " has no topology (model = "
          + scenario.model().configName() + "); heap per server needs one, e.g. model = netping");
    }
  }

  /**
   * Runs {@code simulation}. heapAfterRunBytes is relative to {@code baseline} (model, settings
   * and the run's result); the used* figures are absolute, as is the limit they must stay under.
   */
  private static Map<String, Object> run(Simulation simulation, long baseline, long sampleEveryNs, int topClasses) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> samples = new ArrayList<>();
    if (sampleEveryNs > 0) {
      long[] next = {sampleEveryNs};
      simulation.observe(snapshot -> {
        if (snapshot.timeNs() < next[0]) return;
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("virtualSeconds", snapshot.timeNs() / 1e9);
        long used = HeapGauge.usedAfterFullGc();
        Map<String, Long> classes = HeapGauge.classHistogram();
        long live = classes.remove(HeapGauge.TOTAL);
        long data = simulation.modelDataBytes();
        sample.put("usedAfterFullGcBytes", used);
        sample.put("liveBytes", live);
        sample.put("modelDataBytes", data);
        sample.put("liveWithoutModelDataBytes", live - data);
        if (topClasses > 0) {
          Map<String, Long> top = new LinkedHashMap<>();
          classes.entrySet().stream().limit(topClasses).forEach(e -> top.put(e.getKey(), e.getValue()));
          sample.put("topClassesBytes", top);
        }
        samples.add(sample);
        while (next[0] <= snapshot.timeNs()) next[0] += sampleEveryNs;
      });
    }
    try (HeapGauge gauge = HeapGauge.open()) {
      long start = System.nanoTime();
      RunResult result = simulation.run();
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      long peak = gauge.usedPeakBytes();
      long after = HeapGauge.usedAfterFullGc();
      // Both still reachable at the reading: the model and the result (its metrics) are counted.
      Reference.reachabilityFence(simulation);
      Reference.reachabilityFence(result);
      json.put("events", result.events());
      json.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
      json.put("heapAfterRunBytes", after - baseline);
      json.put("usedAfterGcMaxBytes", Math.max(gauge.usedAfterGcMaxBytes(), after));
      json.put("usedPeakBytes", peak);
    }
    if (sampleEveryNs > 0) {
      json.put("soakSamples", samples);
      json.put("soakGrowthAfterFirst", growthAfterFirst(samples, "liveBytes"));
      json.put("soakGrowthAfterFirstWithoutModelData", growthAfterFirst(samples, "liveWithoutModelDataBytes"));
    }
    return json;
  }

  /**
   * The largest later sample of {@code field} over the first, minus 1 (0.1: 10 % above the
   * first); 0 with fewer than two.
   */
  static double growthAfterFirst(List<Map<String, Object>> samples, String field) {
    if (samples.size() < 2) return 0;
    long first = (Long) samples.get(0).get(field);
    long max = first;
    for (Map<String, Object> sample : samples) max = Math.max(max, (Long) sample.get(field));
    return Math.round((max / (double) first - 1) * 10_000) / 10_000.0;
  }
}
