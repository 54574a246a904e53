package geosim.cli;

import geosim.faults.FaultSpec;
import geosim.kernel.KernelRuntime;
import geosim.kernel.RunResult;
import geosim.kernel.SimulationException;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.scenario.ExploreFaults;
import geosim.scenario.Invariants;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.io.PrintStream;
import java.nio.file.Path;
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
 * checked, prints one line per seed and, for every failure, the command that replays it. When the
 * scenario declares a fault space ({@code explore.fault-space}), every seed also draws a fault plan
 * from it ({@code explore.draw-faults = true}, see {@link ExploreFaults}); its line lists the
 * faults drawn, and the reproduce command carries the override, so the seed replays its plan.
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

  /** What one seed gave: the faults it drew (empty without a fault space), events and end time, or the failure. */
  record Outcome(long seed, List<FaultSpec> drawn, RunResult result, SimulationException failure) {
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
    List<String> overrides = overrides(options);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try (KernelRuntime runtime = new KernelRuntime()) {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long seed = first + i;
        futures.add(pool.submit(() -> runOne(options.file, overrides, seed, check.apply(seed), runtime)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) outcomes.add(f.get());
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The user's overrides, and {@code explore.draw-faults=true} when the scenario declares a fault space. */
  static List<String> overrides(ScenarioOptions options) throws ScenarioConfigException {
    List<String> sets = new ArrayList<>(options.overrides);
    if (ExploreFaults.space(ScenarioLoader.load(options.file, sets)) != null) sets.add(DRAW);
    return sets;
  }

  private static final String DRAW = ExploreFaults.DRAW_KEY + "=true";

  private static Outcome runOne(Path file, List<String> overrides, long seed, SnapshotObserver check,
      KernelRuntime runtime) throws ScenarioConfigException {
    List<String> sets = new ArrayList<>(overrides);
    sets.add("seed=" + seed);
    ScenarioSettings scenario = ScenarioLoader.load(file, sets);
    List<FaultSpec> drawn = ExploreFaults.drawn(scenario);
    try {
      return new Outcome(seed, drawn, Simulation.create(scenario).observe(check).run(runtime), null);
    } catch (SimulationException e) {
      return new Outcome(seed, drawn, null, e);
    }
  }

  /** The table, the failures' replay commands, a total; returns the exit code. */
  static int print(PrintStream out, List<Outcome> outcomes, ScenarioOptions options) {
    boolean drawing = outcomes.stream().anyMatch(o -> !o.drawn().isEmpty());
    out.printf("%-8s %-7s %14s %12s  %s%n", "seed", "result", "events", "virtual", drawing ? "faults drawn; failure" : "failure");
    int failed = 0;
    for (Outcome o : outcomes) {
      String faults = drawing ? describe(o.drawn()) : "";
      if (o.ok()) {
        out.println(String.format("%-8d %-7s %,14d %12s  %s", o.seed(), "ok", o.result().events(),
            VirtualTime.format(o.result().endTimeNs()), faults).stripTrailing());
      } else {
        failed++;
        out.printf("%-8d %-7s %14s %12s  %s%s%n", o.seed(), "FAILED", "", VirtualTime.format(o.failure().timeNs()),
            drawing ? faults + "; " : "", o.failure().getMessage());
      }
    }
    out.printf("explored %d seed(s): %d ok, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
    for (Outcome o : outcomes) {
      if (o.ok()) continue;
      String[] extra = o.drawn().isEmpty() ? new String[] {"--check-invariants"}
          : new String[] {"--set", DRAW, "--check-invariants"};
      out.println("reproduce seed " + o.seed() + ": " + options.reproduceCommand(o.seed(), extra));
    }
    return failed == 0 ? Main.EXIT_OK : Main.EXIT_FAILED;
  }

  /** {@code server-crash us-east/use1-a/rack-1/srv-2 12.5s-40s, region-partition us-east|eu-west 3s-20s}. */
  static String describe(List<FaultSpec> faults) {
    StringBuilder b = new StringBuilder();
    for (FaultSpec f : faults) {
      if (b.length() > 0) b.append(", ");
      b.append(f.describe()).append(' ').append(VirtualTime.format(f.atNs())).append('-')
          .append(f.endNs() == Long.MAX_VALUE ? "end" : VirtualTime.format(f.endNs()));
    }
    return b.toString();
  }
}
