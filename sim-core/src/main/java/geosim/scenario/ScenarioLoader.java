package geosim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario: a HOCON file with top-level keys ({@code seed}, {@code duration}, {@code
 * engine}, {@code ping}, ...) over the defaults in the {@code geosim} block of {@code
 * reference.conf}, then {@code --set} overrides on top.
 *
 * <p>Validation is strict and complete: syntax, unknown keys (with a suggestion), types, ranges
 * and the ping model's cross-references are all checked, and every problem is reported in one
 * {@link ScenarioConfigException}, one line each naming file, line and key. Example:
 *
 * <pre>{@code
 * ScenarioSettings s = ScenarioLoader.load(Path.of("configs/scenarios/atlantic-ping.conf"),
 *     List.of("seed=42", "engine.partitions=4"));
 * }</pre>
 */
public final class ScenarioLoader {
  /** The block of {@code reference.conf} that holds the scenario defaults. */
  static final String REFERENCE_BLOCK = "geosim";

  private ScenarioLoader() {}

  /**
   * Loads a scenario file, merges the overrides (each {@code path=value}, the value parsed as a
   * HOCON value, later ones winning) and validates everything.
   *
   * @param file the scenario file; error messages name it exactly as given
   * @param overrides {@code --set} arguments, possibly empty
   * @throws ScenarioConfigException listing every problem found
   */
  public static ScenarioSettings load(Path file, List<String> overrides) throws ScenarioConfigException {
    String source = file.toString();
    Problems problems = new Problems(source);
    checkReadable(file, problems);
    problems.throwIfAny();
    return validate(ConfigText.parseFile(file, problems), source, overrides, problems);
  }

  /**
   * Validates a config text as if it were a file named {@code displayName} (for tests and
   * fuzzing).
   *
   * @throws ScenarioConfigException listing every problem found
   */
  public static ScenarioSettings parse(String displayName, String text, List<String> overrides)
      throws ScenarioConfigException {
    Problems problems = new Problems(displayName);
    return validate(ConfigText.parseText(displayName, text, problems), displayName, overrides, problems);
  }

  private static ScenarioSettings validate(
      Config user, String source, List<String> overrides, Problems problems) throws ScenarioConfigException {
    Config withOverrides = Overrides.apply(user, overrides, problems);
    // Without system properties (ConfigFactory.defaultReference() applies them): the launcher's
    // -Dgeosim.home must not become a scenario key, and a scenario must mean the same in every JVM
    // (a cluster worker parses the text a driver resolved).
    Config reference = ConfigFactory.defaultReferenceUnresolved(ScenarioLoader.class.getClassLoader()).resolve()
        .getConfig(REFERENCE_BLOCK);
    Config merged;
    try {
      // No environment variables: a scenario must mean the same on every machine.
      merged = withOverrides.withFallback(reference)
          .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    } catch (ConfigException e) {
      problems.parser("", e);
      throw problems.toException();
    }
    // The topology block's keys are the topology reader's; folded in so a typo there is reported too.
    ConfigObject schema = reference.root().withFallback(TopologyReader.schema());
    if (!UnknownKeys.check(merged.root(), schema, problems)) throw problems.toException();
    ScenarioSettings settings = new ScenarioReader(problems).read(merged, source);
    problems.throwIfAny();
    return settings;
  }


  private static void checkReadable(Path file, Problems problems) {
    if (!Files.exists(file)) {
      problems.file("file not found");
    } else if (Files.isDirectory(file)) {
      problems.file("is a directory, expected a scenario file (.conf)");
    } else if (!Files.isReadable(file)) {
      problems.file("cannot read file (permission denied)");
    }
  }
}
