package geosim.cli;

import geosim.kernel.RunResult;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.lang.ref.Reference;
import java.nio.file.Path;
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
   * @return the figures, in the order they are printed
   * @throws BadInputException when the scenario has no topology (its model is not netping)
   */
  Map<String, Object> measure(boolean run) throws ScenarioConfigException {
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
    if (run) json.putAll(run(simulation, baseline));
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
  private static Map<String, Object> run(Simulation simulation, long baseline) {
    Map<String, Object> json = new LinkedHashMap<>();
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
    return json;
  }
}
