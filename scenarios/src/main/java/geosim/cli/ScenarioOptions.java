package geosim.cli;

import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its overrides, shared by run and validate. */
final class ScenarioOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (HOCON).")
  Path file;

  @Option(names = "--seed", paramLabel = "N", description = "Root seed (overrides the file's seed).")
  Long seed;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override any setting, e.g. --set engine.partitions=2 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--debug", description = "Print stack traces on errors.")
  boolean debug;

  /** Loads and validates the scenario with the overrides applied (--seed last). */
  ScenarioSettings load() throws ScenarioConfigException {
    List<String> all = new ArrayList<>(overrides);
    if (seed != null) all.add("seed=" + seed);
    return ScenarioLoader.load(file, all);
  }
}
