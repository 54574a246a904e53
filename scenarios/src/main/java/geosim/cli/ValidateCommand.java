package geosim.cli;

import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code geosim validate FILE}: checks a scenario without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a scenario file (and overrides) without running it. Exit 0 if valid, 2 if not.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ScenarioOptions options;

  @Override
  public Integer call() throws Exception {
    ScenarioSettings scenario = options.load();
    Simulation simulation = Simulation.create(scenario);
    System.out.printf("geosim: %s: valid (scenario %s, seed %d, %s partition(s) by %s)%n",
        options.file, scenario.name(), scenario.seed(), simulation.partitionCount(),
        scenario.engine().partitionBy().configName());
    return Main.EXIT_OK;
  }
}
