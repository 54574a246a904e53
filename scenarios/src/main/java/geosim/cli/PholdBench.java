package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.kernel.KernelRuntime;
import geosim.kernel.Sync;
import geosim.kernel.VirtualTime;
import geosim.phold.PholdModel;
import geosim.phold.PholdOutcome;
import geosim.phold.PholdReference;
import geosim.phold.PholdSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geosim bench phold}: runs PHOLD on the kernel or on the reference loop and prints one
 * JSON object. eventsPerSecond is the median over the measured repetitions, after warm-up.
 */
@Command(
    name = "phold",
    mixinStandardHelpOptions = true,
    description = "PHOLD, the standard parallel-simulation benchmark; prints one JSON object.")
final class PholdBench implements Callable<Integer> {
  enum Engine { kernel, reference }

  @Option(names = "--entities", defaultValue = "1000", description = "Entities (default: ${DEFAULT-VALUE}).")
  int entities;

  @Option(names = "--population", defaultValue = "10", description = "Starting events per entity (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(names = "--lookahead", defaultValue = "0.1", description = "Fixed part of each delay, seconds (default: ${DEFAULT-VALUE}).")
  double lookaheadSeconds;

  @Option(names = "--mean-delay", defaultValue = "1", description = "Mean of the exponential part, seconds (default: ${DEFAULT-VALUE}).")
  double meanDelaySeconds;

  @Option(names = "--end", defaultValue = "2200", description = "Virtual seconds to simulate (default: ${DEFAULT-VALUE}).")
  double endSeconds;

  @Option(names = "--partitions", defaultValue = "1", description = "Kernel partitions (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--sync", defaultValue = "windows",
      description = "How partitions keep in step: windows or channels (default: ${DEFAULT-VALUE}).")
  String sync;

  @Option(names = "--engine", defaultValue = "kernel", description = "kernel or reference (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Option(names = "--seed", defaultValue = "1", description = "Root seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured repetitions first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--reps", defaultValue = "3", description = "Measured repetitions (default: ${DEFAULT-VALUE}).")
  int reps;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    if (warmup < 0 || reps < 1) throw new BadInputException("--warmup must be >= 0 and --reps >= 1");
    PholdSettings settings = settings();
    List<Double> rates = new ArrayList<>();
    PholdOutcome outcome = null;
    try (KernelRuntime runtime = new KernelRuntime()) {
      for (int rep = 0; rep < warmup + reps; rep++) {
        long start = System.nanoTime();
        PholdOutcome o = runOnce(settings, runtime);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome != null && !outcome.equals(o)) {
          throw new IllegalStateException("repetition " + rep + " differs from the first: " + o + " vs " + outcome);
        }
        outcome = o;
        System.err.printf("geosim: phold %s rep %d%s: %.2f s, %.0f events/s%n", engine, rep + 1,
            rep < warmup ? " (warm-up)" : "", seconds, o.events() / seconds);
        if (rep >= warmup) rates.add(o.events() / seconds);
      }
    }
    System.out.println(new ObjectMapper().writeValueAsString(result(outcome, rates)));
    return Main.EXIT_OK;
  }

  private PholdOutcome runOnce(PholdSettings settings, KernelRuntime runtime) {
    return engine == Engine.reference
        ? new PholdReference(settings).run()
        : PholdModel.build(settings, partitions, syncMode()).run(runtime);
  }

  private Sync syncMode() {
    try {
      return Sync.fromConfig(sync);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--sync: " + e.getMessage());
    }
  }

  private PholdSettings settings() {
    try {
      return new PholdSettings(entities, population, VirtualTime.seconds(lookaheadSeconds),
          VirtualTime.seconds(meanDelaySeconds), VirtualTime.seconds(endSeconds), seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("bench phold: " + e.getMessage());
    }
  }

  private Map<String, Object> result(PholdOutcome outcome, List<Double> rates) {
    double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("engine", engine.name());
    json.put("events", outcome.events());
    json.put("wallSeconds", round(outcome.events() / median));
    json.put("eventsPerSecond", Math.round(median));
    json.put("partitions", outcome.partitions());
    json.put("sync", engine == Engine.reference ? null : sync);
    json.put("fingerprint", outcome.fingerprint());
    json.put("windows", outcome.windows());
    json.put("reps", rates.size());
    json.put("eventsPerSecondAll", rates.stream().map(Math::round).toList());
    json.put("entities", entities);
    json.put("cores", Runtime.getRuntime().availableProcessors());
    return json;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
