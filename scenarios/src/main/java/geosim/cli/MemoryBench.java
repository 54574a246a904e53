package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.kernel.VirtualTime;
import geosim.phold.PholdModel;
import geosim.phold.PholdSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geosim bench memory}: heap taken by idle simulated actors (PHOLD entities with no
 * events), measured as used heap after full GCs, before and after building the kernel; or, with
 * {@code --scenario FILE}, the heap a scenario's model takes per server ({@link ScenarioMemory}).
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = {
      "Heap bytes per idle simulated actor, or with --scenario per server of a scenario's topology;",
      "prints one JSON object."
    })
final class MemoryBench implements Callable<Integer> {
  @Option(names = "--entities", defaultValue = "1000000", description = "Idle actors (default: ${DEFAULT-VALUE}).")
  int entities;

  @Option(names = "--partitions", defaultValue = "1", description = "Kernel partitions (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Measure this scenario's model instead (it needs a topology, e.g. model = netping).")
  Path scenario;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "With --scenario: override a setting, e.g. --set engine.partitions=2 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--run", description = "With --scenario: also run it, and report the heap during and after the run.")
  boolean run;

  @Option(names = "--sample-every", paramLabel = "DURATION",
      description = "With --run: also take the used heap after full GCs every DURATION of virtual time, e.g. 1d "
          + "(a soak: the samples should stay flat).")
  String sampleEvery;

  @Option(names = "--classes", paramLabel = "N",
      description = "With --sample-every: also list the N classes taking the most heap at each sample (a class "
          + "histogram), to see what grows (default: 0, none).")
  int classes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> json = scenario != null ? scenarioFigures() : idleActorFigures();
    System.out.println(new ObjectMapper().writeValueAsString(json));
    return Main.EXIT_OK;
  }

  private Map<String, Object> scenarioFigures() throws Exception {
    for (String phold : new String[] {"--entities", "--partitions"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(phold)) {
        throw new BadInputException("bench memory: " + phold + " is for idle actors, not with --scenario"
            + " (set the scenario's partitions with --set engine.partitions=N)");
      }
    }
    if (sampleEvery != null && !run) throw new BadInputException("bench memory: --sample-every needs --run");
    if (classes < 0 || classes > 100) throw new BadInputException("bench memory: --classes must be 0 to 100, got " + classes);
    if (classes > 0 && sampleEvery == null) throw new BadInputException("bench memory: --classes needs --sample-every");
    long everyNs = sampleEvery == null ? 0 : SweepCommand.parseDuration(sampleEvery, "--sample-every").toNanos();
    return new ScenarioMemory(scenario, overrides).measure(run, everyNs, classes);
  }

  private Map<String, Object> idleActorFigures() {
    if (run || !overrides.isEmpty() || sampleEvery != null) {
      throw new BadInputException("bench memory: --run, --set and --sample-every need --scenario FILE");
    }
    long before = HeapGauge.usedAfterFullGc();
    PholdSettings idle = new PholdSettings(entities, 0, VirtualTime.millis(100), VirtualTime.seconds(1),
        VirtualTime.seconds(1), 1);
    PholdModel model = PholdModel.build(idle, partitions);
    long after = HeapGauge.usedAfterFullGc();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("entities", entities);
    json.put("partitions", model.kernel().partitionCount());
    json.put("heapBytes", after - before);
    json.put("bytesPerEntity", Math.round((after - before) / (double) entities * 10) / 10.0);
    return json;
  }
}
