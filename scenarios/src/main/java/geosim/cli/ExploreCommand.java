package geosim.cli;

import geosim.kernel.KernelRuntime;
import geosim.kernel.RunResult;
import geosim.kernel.SimulationException;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.scenario.Invariants;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code geosim explore FILE --seeds N}: runs a scenario under N seeds with its invariants
 * checked, prints one line per seed and, for every failure, the command that replays it.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario under many seeds with its invariants checked (docs/reliability.md);",
      "print a table and, for each failure, the command that reproduces it bit for bit.",
      "Exit 0 when every seed passed, 1 when one failed, 2 bad input."
    })
final class ExploreCommand implements Callable<Integer> {
  @Mixin ScenarioOptions options;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "20", description = "Seeds to run (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1",
      description = "The first seed; the others follow it (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--parallel", paramLabel = "J", defaultValue = "1",
      description = "Seeds run at once, each on its own thread (default: ${DEFAULT-VALUE}).")
  int parallel;

  /** What one seed gave: events and end time, or the failure. */
  record Outcome(long seed, RunResult result, SimulationException failure) {
    boolean ok() {
      return failure == null;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (seeds < 1) throw new BadInputException("--seeds must be >= 1, got " + seeds);
    if (parallel < 1) throw new BadInputException("--parallel must be >= 1, got " + parallel);
    if (options.seed != null) throw new BadInputException("explore chooses the seeds; use --first-seed instead of --seed");
    options.load(); // bad input fails here, before any run
    List<Outcome> outcomes = explore(options, firstSeed, seeds, parallel, seed -> new Invariants());
    return print(System.out, outcomes, options);
  }

  /**
   * Runs seeds {@code first} to {@code first + count - 1}, {@code parallel} at a time, each with
   * the observer {@code check} makes for it; outcomes in seed order.
   */
  static List<Outcome> explore(ScenarioOptions options, long first, int count, int parallel,
      LongFunction<SnapshotObserver> check) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try (KernelRuntime runtime = new KernelRuntime()) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long seed = first + i;
        futures.add(pool.submit(() -> runOne(options, seed, check.apply(seed), runtime)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) outcomes.add(f.get());
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome runOne(ScenarioOptions options, long seed, SnapshotObserver check, KernelRuntime runtime)
      throws ScenarioConfigException {
    List<String> sets = new ArrayList<>(options.overrides);
    sets.add("seed=" + seed);
    ScenarioSettings scenario = ScenarioLoader.load(options.file, sets);
    try {
      return new Outcome(seed, Simulation.create(scenario).observe(check).run(runtime), null);
    } catch (SimulationException e) {
      return new Outcome(seed, null, e);
    }
  }

  /** The table, the failures' replay commands, a total; returns the exit code. */
  static int print(PrintStream out, List<Outcome> outcomes, ScenarioOptions options) {
    out.printf("%-8s %-7s %14s %12s  %s%n", "seed", "result", "events", "virtual", "failure");
    int failed = 0;
    for (Outcome o : outcomes) {
      if (o.ok()) {
        out.printf("%-8d %-7s %,14d %12s%n", o.seed(), "ok", o.result().events(), VirtualTime.format(o.result().endTimeNs()));
      } else {
        failed++;
        out.printf("%-8d %-7s %14s %12s  %s%n", o.seed(), "FAILED", "", VirtualTime.format(o.failure().timeNs()),
            o.failure().getMessage());
      }
    }
    out.printf("explored %d seed(s): %d ok, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
    for (Outcome o : outcomes) {
      if (!o.ok()) out.println("reproduce seed " + o.seed() + ": " + options.reproduceCommand(o.seed(), "--check-invariants"));
    }
    return failed == 0 ? Main.EXIT_OK : Main.EXIT_FAILED;
  }
}
