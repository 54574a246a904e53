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

  /**
   * The command that runs this scenario again with the same overrides and {@code seed}: {@code
   * ./geosim run FILE --seed N --set ...} followed by {@code extra} options.
   */
  String reproduceCommand(long seed, String... extra) {
    StringBuilder b = new StringBuilder("./geosim run ").append(quoted(file.toString())).append(" --seed ").append(seed);
    for (String set : overrides) b.append(" --set ").append(quoted(set));
    for (String option : extra) b.append(' ').append(option);
    return b.toString();
  }

  /** A shell word: as it is when it is plain, else in single quotes. */
  static String quoted(String word) {
    if (word.matches("[A-Za-z0-9_./=:,+-]+")) return word;
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Loads and validates the scenario with the overrides applied (--seed last). */
  ScenarioSettings load() throws ScenarioConfigException {
    List<String> all = new ArrayList<>(overrides);
    if (seed != null) all.add("seed=" + seed);
    return ScenarioLoader.load(file, all);
  }
}
