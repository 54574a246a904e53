package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import geosim.cluster.ClusterNode;
import geosim.cluster.ClusterRun;
import geosim.kernel.KernelRuntime;
import geosim.kernel.RunResult;
import geosim.kernel.SimulationException;
import geosim.kernel.VirtualTime;
import geosim.report.ReportPage;
import geosim.report.TimeSeriesRecorder;
import geosim.scenario.EndState;
import geosim.scenario.Invariants;
import geosim.scenario.RunSummary;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code geosim run FILE}: runs a scenario headless and writes its run folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario headless and write its run folder: summary.json, timeseries.csv,",
      "latency.hlog, events.jsonl, resolved.conf and report.html. With --cluster, the partitions run on",
      "the cluster's workers and the results are the same (docs/cluster.md).",
      "Exit 0 done, 1 the run failed, 2 bad input."
    })
final class RunCommand implements Callable<Integer> {
  static final String EVENTS = "events.jsonl";

  @Mixin ScenarioOptions options;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Run folder to create (default: runs/<scenario>-<timestamp>); never overwritten.")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--check-invariants",
      description = "Check conservation and bounds at every snapshot (see docs/reliability.md); a violation fails the run.")
  boolean checkInvariants;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--cluster-workers", defaultValue = "1", paramLabel = "N",
      description = "With --cluster: wait for N workers and spread the partitions over all listed then "
          + "(default: ${DEFAULT-VALUE}).")
  int clusterWorkers;

  @Option(names = "--cluster-window-timeout", defaultValue = "5m", paramLabel = "DURATION",
      description = "With --cluster: fail the run when one window's answers (or the end state) take longer than "
          + "this, e.g. a message above Artery's frame size that was dropped (default: ${DEFAULT-VALUE}).")
  String clusterWindowTimeout;

  @Override
  public Integer call() throws Exception {
    ScenarioSettings scenario = options.load();
    ClusterNode.Endpoint at = clusterOptions.endpoint();
    if (at != null) return run(scenario, at, null);
    // A fresh JVM takes about a second to start the actor system (mostly class loading): it
    // starts while the model is built, and the run's wallSeconds counts neither.
    CompletableFuture<KernelRuntime> runtime = CompletableFuture.supplyAsync(KernelRuntime::new);
    try {
      return run(scenario, null, runtime);
    } finally {
      runtime.join().close();
    }
  }

  /** Runs in one JVM on {@code runtime}, or on the cluster at {@code at}. */
  private int run(ScenarioSettings scenario, ClusterNode.Endpoint at, CompletableFuture<KernelRuntime> runtime)
      throws Exception {
    Duration clusterTimeout = clusterOptions.timeout();
    Duration windowTimeout = at == null ? null
        : SweepCommand.parseDuration(clusterWindowTimeout, "--cluster-window-timeout");
    Simulation simulation = Simulation.create(scenario);
    if (at != null) checkDistributable(simulation);
    RunFolder folder = out != null ? RunFolder.create(out)
        : RunFolder.createDefault(Path.of("runs"), scenario.name(), LocalDateTime.now());
    PrintStream err = System.err;
    if (!quiet) {
      err.printf("geosim: scenario %s, seed %d, %s virtual, %d partition(s); writing %s%n",
          scenario.name(), scenario.seed(), VirtualTime.format(scenario.durationNs()),
          simulation.partitionCount(), folder.dir());
    }
    String what = "geosim run of scenario " + scenario.name() + ", seed " + scenario.seed();
    String[] flags = checkInvariants ? new String[] {"--check-invariants"} : new String[0];
    String reproduce = options.reproduceCommand(scenario.seed(), flags);
    folder.markIncomplete(what, reproduce);
    folder.write("resolved.conf", scenario.renderResolved());
    SortedMap<String, Object> summary;
    RunResult result;
    try (TimeSeriesRecorder series = new TimeSeriesRecorder(folder.dir());
        Progress progress = Progress.create(quiet, scenario.name(), scenario.durationNs(), err)) {
      if (checkInvariants) simulation.observe(new Invariants());
      simulation.observe(series).observe(progress);
      EndState end;
      double wallSeconds;
      if (at == null) {
        KernelRuntime started = runtime.join();
        long start = System.nanoTime();
        result = simulation.run(started);
        wallSeconds = (System.nanoTime() - start) / 1e9;
        end = simulation.endState(result);
      } else {
        long start = System.nanoTime(); // joining the cluster, placing the partitions, the run, the end state
        ClusterRun.Finished finished = ClusterRun.run(simulation, options.file.toString(), simulation.renderResolved(),
            at, clusterWorkers, clusterTimeout, windowTimeout,
            quiet ? new PrintStream(OutputStream.nullOutputStream()) : err);
        wallSeconds = (System.nanoTime() - start) / 1e9;
        result = finished.result();
        end = finished.endState();
      }
      summary = RunSummary.of(simulation, result, end);
      summary.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
      series.commit();
    } catch (SimulationException e) {
      folder.markFailed(what, reproduce, e.getMessage());
      throw new ReproducibleFailure(e, reproduce);
    } catch (RuntimeException e) {
      folder.markFailed(what, reproduce, String.valueOf(e));
      throw e;
    }
    folder.write(EVENTS, FaultLog.jsonLines(simulation.faultPlan(), result.endTimeNs()));
    folder.write("summary.json", json().writeValueAsString(summary) + "\n");
    ReportPage.render(folder.dir());
    folder.markComplete();
    if (!quiet) HumanSummary.print(System.out, summary, result, folder.dir());
    return Main.EXIT_OK;
  }

  /**
   * What a distributed run refuses: injected faults that change the network (their new link
   * schedule would be worked out on the driver only, not on the workers that carry the frames).
   */
  private void checkDistributable(Simulation simulation) {
    if (clusterWorkers < 1) throw new BadInputException("--cluster-workers must be >= 1, got " + clusterWorkers);
    for (var fault : simulation.scenario().faults().injected()) {
      if (fault.fault().kind().changesNetwork()) {
        throw new BadInputException("--cluster: injected fault " + fault.fault().kind().configName() + " at "
            + VirtualTime.format(fault.timeNs()) + " changes the network, "
            + "which a distributed run cannot replay on its workers yet; run it in one JVM (docs/cluster.md)");
      }
    }
  }

  static ObjectMapper json() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

}
