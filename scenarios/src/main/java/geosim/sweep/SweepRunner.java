package geosim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import geosim.kernel.KernelRuntime;
import geosim.report.AtomicFile;
import geosim.scenario.RunSummary;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs every (point, replication) of a sweep that has no summary yet, {@code parallel} at a
 * time in this JVM on one shared actor system. Each replication's summary is written
 * atomically to {@code points/p<point>-r<replication>.json}, so a sweep killed at any moment
 * resumes where it stopped: what finished is never run again, what did not is run whole.
 */
public final class SweepRunner {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** One (point, replication) of a sweep: what one run computes and one summary file holds. */
  public record Unit(int point, int replication) {}

  private final SweepSpec spec;
  private final Path dir;
  private final PrintStream log;
  private final Supplier<RunProbe> probes;

  public SweepRunner(SweepSpec spec, Path dir, PrintStream log) {
    this(spec, dir, log, null);
  }

  /** As above; {@code probes}, when not null, gives each replication a {@link RunProbe}. */
  public SweepRunner(SweepSpec spec, Path dir, PrintStream log, Supplier<RunProbe> probes) {
    this.spec = spec;
    this.dir = dir;
    this.log = log;
    this.probes = probes;
  }

  /** Where replication {@code r} of point {@code p} leaves its summary. */
  public static Path summaryFile(Path dir, int point, int replication) {
    return dir.resolve("points").resolve(String.format("p%03d-r%02d.json", point, replication));
  }

  /** Checks every point's settings before anything runs (bad input fails the whole sweep). */
  public void validate() throws ScenarioConfigException {
    for (SweepPoint p : spec.points()) ScenarioLoader.load(spec.scenarioFile(), overrides(p, 0));
  }

  /** Runs what is missing; returns how many replications ran now. */
  public int run(int parallel) throws IOException, InterruptedException {
    return run(parallel, 0, 1);
  }

  /**
   * Runs what is missing of shard {@code shard} of {@code shards}: the replications whose
   * running number (point × replications + replication) is {@code shard} modulo {@code shards},
   * so several processes can share one sweep folder without overlap.
   */
  public int run(int parallel, int shard, int shards) throws IOException, InterruptedException {
    List<Unit> todo = missing(shard, shards);
    int total = 0;
    for (int running = 0; running < spec.points().size() * spec.replications(); running++) {
      if (running % shards == shard) total++;
    }
    if (log != null) {
      log.printf("geosim: sweep of %d points x %d replications%s: %d done before, %d to run, %d at a time%n",
          spec.points().size(), spec.replications(), shards > 1 ? " (shard " + shard + "/" + shards + ")" : "",
          total - todo.size(), todo.size(), parallel);
    }
    runAll(todo, parallel, total - todo.size(), total);
    return todo.size();
  }

  /** The units of shard {@code shard} of {@code shards} that have no summary yet, in order. */
  public List<Unit> missing(int shard, int shards) throws IOException {
    Files.createDirectories(dir.resolve("points"));
    List<Unit> todo = new ArrayList<>();
    int running = 0;
    for (SweepPoint p : spec.points()) {
      for (int r = 0; r < spec.replications(); r++, running++) {
        if (running % shards == shard && !Files.exists(summaryFile(dir, p.index(), r))) {
          todo.add(new Unit(p.index(), r));
        }
      }
    }
    return todo;
  }

  private void runAll(List<Unit> todo, int parallel, int doneBefore, int total)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    AtomicInteger done = new AtomicInteger(doneBefore);
    try (KernelRuntime runtime = new KernelRuntime()) {
      List<Future<?>> futures = new ArrayList<>();
      for (Unit task : todo) {
        futures.add(pool.submit(() -> {
          writeSummary(task, summaryJson(settings(task), runtime, probes == null ? null : probes.get()));
          if (log != null) {
            log.printf("geosim: point %d replication %d done (%d of %d)%n", task.point(), task.replication(),
                done.incrementAndGet(), total);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) rethrow(f);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void rethrow(Future<?> f) throws IOException, InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The settings of one unit: the scenario, the sweep's overrides, the point's values, the replication's seed. */
  public ScenarioSettings settings(Unit unit) throws ScenarioConfigException {
    return ScenarioLoader.load(spec.scenarioFile(), overrides(spec.points().get(unit.point()), unit.replication()));
  }

  /**
   * Runs one unit and returns its summary as the JSON text of {@code points/p...json} (keys
   * sorted, {@code wallSeconds} added). The one code path of a unit, in this JVM or on a
   * cluster worker.
   */
  public static String summaryJson(ScenarioSettings settings, KernelRuntime runtime) throws Exception {
    return summaryJson(settings, runtime, null);
  }

  /** As above, with {@code probe} (if not null) watching the run and adding its figures. */
  public static String summaryJson(ScenarioSettings settings, KernelRuntime runtime, RunProbe probe) throws Exception {
    Simulation simulation = Simulation.create(settings);
    if (probe != null) simulation.observe(probe);
    long start = System.nanoTime();
    SortedMap<String, Object> summary = RunSummary.of(simulation, simulation.run(runtime));
    if (probe != null) probe.addTo(summary);
    summary.put("wallSeconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
    return JSON.writeValueAsString(summary) + "\n";
  }

  /** Writes a unit's summary atomically (a reader sees the old state or the whole file). */
  public void writeSummary(Unit unit, String json) throws IOException {
    AtomicFile.write(summaryFile(dir, unit.point(), unit.replication()), json);
  }

  private List<String> overrides(SweepPoint point, int replication) {
    List<String> all = new ArrayList<>(spec.overrides());
    all.addAll(point.overrides());
    all.add("seed=" + spec.replicationSeed(replication));
    return all;
  }
}
