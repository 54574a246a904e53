package geosim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Path;

/**
 * Parses HOCON from a file or a text into an unresolved {@link Config}, reporting a read error or
 * a syntax error as one problem (with the origin named as the user gave it) and stopping there.
 */
final class ConfigText {
  private ConfigText() {}

  /** Parses {@code file}, which the caller has checked exists and is readable. */
  static Config parseFile(Path file, Problems problems) throws ScenarioConfigException {
    try {
      return ConfigFactory.parseFile(file.toFile(), options(file.toString()).setAllowMissing(false));
    } catch (ConfigException.IO e) {
      problems.file("cannot read file: " + Problems.shortMessage(e));
      throw problems.toException();
    } catch (ConfigException e) {
      problems.parser("syntax error: ", e);
      throw problems.toException();
    }
  }

  /** Parses {@code text} as if it were the file {@code displayName}. */
  static Config parseText(String displayName, String text, Problems problems) throws ScenarioConfigException {
    try {
      return ConfigFactory.parseString(text, options(displayName));
    } catch (ConfigException e) {
      problems.parser("syntax error: ", e);
      throw problems.toException();
    }
  }

  private static ConfigParseOptions options(String source) {
    return ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(source);
  }
}
