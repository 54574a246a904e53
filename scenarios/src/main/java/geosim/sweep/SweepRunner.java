package geosim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import geosim.kernel.KernelRuntime;
import geosim.report.AtomicFile;
import geosim.scenario.RunSummary;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
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

  private final SweepSpec spec;
  private final Path dir;
  private final PrintStream log;

  public SweepRunner(SweepSpec spec, Path dir, PrintStream log) {
    this.spec = spec;
    this.dir = dir;
    this.log = log;
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
    Files.createDirectories(dir.resolve("points"));
    List<int[]> todo = new ArrayList<>();
    int running = 0;
    int total = 0;
    for (SweepPoint p : spec.points()) {
      for (int r = 0; r < spec.replications(); r++, running++) {
        if (running % shards != shard) continue;
        total++;
        if (!Files.exists(summaryFile(dir, p.index(), r))) todo.add(new int[] {p.index(), r});
      }
    }
    if (log != null) {
      log.printf("geosim: sweep of %d points x %d replications%s: %d done before, %d to run, %d at a time%n",
          spec.points().size(), spec.replications(), shards > 1 ? " (shard " + shard + "/" + shards + ")" : "",
          total - todo.size(), todo.size(), parallel);
    }
    runAll(todo, parallel, total - todo.size(), total);
    return todo.size();
  }

  private void runAll(List<int[]> todo, int parallel, int doneBefore, int total)
      throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    AtomicInteger done = new AtomicInteger(doneBefore);
    try (KernelRuntime runtime = new KernelRuntime()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int[] task : todo) {
        futures.add(pool.submit(() -> {
          runOne(spec.points().get(task[0]), task[1], runtime);
          if (log != null) {
            log.printf("geosim: point %d replication %d done (%d of %d)%n", task[0], task[1], done.incrementAndGet(), total);
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

  private void runOne(SweepPoint point, int replication, KernelRuntime runtime) throws Exception {
    Simulation simulation = Simulation.create(ScenarioLoader.load(spec.scenarioFile(), overrides(point, replication)));
    long start = System.nanoTime();
    SortedMap<String, Object> summary = RunSummary.of(simulation, simulation.run(runtime));
    summary.put("wallSeconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
    AtomicFile.write(summaryFile(dir, point.index(), replication), JSON.writeValueAsString(summary) + "\n");
  }

  private List<String> overrides(SweepPoint point, int replication) {
    List<String> all = new ArrayList<>(spec.overrides());
    all.addAll(point.overrides());
    all.add("seed=" + spec.replicationSeed(replication));
    return all;
  }
}
