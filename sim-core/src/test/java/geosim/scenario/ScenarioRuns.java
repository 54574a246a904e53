package geosim.scenario;

import geosim.kernel.KernelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** Runs a scenario file with overrides, checking its {@link Invariants}, and returns what determinism tests compare. */
final class ScenarioRuns {
  private ScenarioRuns() {}

  /** The summary of one run of {@code file} with {@code base} then {@code sets} applied, without {@code engine}. */
  static SortedMap<String, Object> results(KernelRuntime runtime, Path file, List<String> base, List<String> sets)
      throws ScenarioConfigException {
    List<String> all = new ArrayList<>(base);
    all.addAll(sets);
    Simulation sim = Simulation.create(ScenarioLoader.load(file, all)).observe(new Invariants());
    return withoutEngine(RunSummary.of(sim, sim.run(runtime)));
  }

  /** A summary without {@code engine}: partitions, lookahead and windows describe the engine, not the results. */
  static SortedMap<String, Object> withoutEngine(SortedMap<String, Object> summary) {
    summary.remove("engine");
    return summary;
  }
}
