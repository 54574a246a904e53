package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import geosim.cluster.ClusterNode;
import geosim.cluster.ClusterRun;
import geosim.kernel.RunResult;
import geosim.kernel.SimulationException;
import geosim.kernel.VirtualTime;
import geosim.report.ReportPage;
import geosim.report.TimeSeriesRecorder;
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

  @Override
  public Integer call() throws Exception {
    ScenarioSettings scenario = options.load();
    Simulation simulation = Simulation.create(scenario);
    ClusterNode.Endpoint at = clusterOptions.endpoint();
    Duration clusterTimeout = clusterOptions.timeout();
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
      long start = System.nanoTime();
      result = at == null ? simulation.run()
          : ClusterRun.run(simulation, options.file.toString(), simulation.renderResolved(), at, clusterWorkers,
              clusterTimeout, quiet ? new PrintStream(OutputStream.nullOutputStream()) : err);
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      summary = RunSummary.of(simulation, result);
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
   * A distributed run's summary.json is the same as in one JVM only when it comes from the run's
   * metrics; models on the data-center network read their objects after the run (docs/cluster.md).
   */
  private void checkDistributable(Simulation simulation) {
    if (clusterWorkers < 1) throw new BadInputException("--cluster-workers must be >= 1, got " + clusterWorkers);
    if (!simulation.summaryFromMetricsOnly()) {
      throw new BadInputException("--cluster: model = " + simulation.scenario().model().configName()
          + " cannot run distributed yet: its summary reads the model's objects after the run (links, servers, "
          + "storage, audit), which would be on the workers; run it in one JVM, or distribute a sweep of it "
          + "(geosim sweep --cluster). See docs/cluster.md.");
    }
  }

  static ObjectMapper json() {
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

}
