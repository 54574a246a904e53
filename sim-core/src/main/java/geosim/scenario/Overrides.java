package geosim.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.List;

/**
 * Applies command-line overrides {@code path=value} on top of a scenario file, later ones
 * winning. The value is HOCON ({@code 10s}, {@code [a, b]}, {@code {servers = 8}}); an object
 * merges into the file's object like any HOCON fallback, anything else replaces. Values are
 * parsed with the origin {@code --set <path>} so later problems point at the override.
 */
final class Overrides {
  private static final String VALUE_KEY = "value";

  private Overrides() {}

  static Config apply(Config user, List<String> overrides, Problems problems) {
    Config result = user;
    for (String override : overrides) {
      Config one = parse(override, problems);
      if (one != null) result = one.withFallback(result);
    }
    return result;
  }

  /** One override as a config holding just its path, or null after reporting a problem. */
  private static Config parse(String override, Problems problems) {
    int equals = override.indexOf('=');
    if (equals < 0) {
      problems.override(override.strip(), "expected path=value");
      return null;
    }
    String path = override.substring(0, equals).strip();
    if (!isValidPath(path)) {
      problems.override(path, "invalid key path, expected something like engine.partitions");
      return null;
    }
    ConfigValue value = parseValue(path, override.substring(equals + 1), problems);
    return value == null ? null : ConfigFactory.empty().withValue(path, value);
  }

  private static ConfigValue parseValue(String path, String text, Problems problems) {
    ConfigParseOptions options = ConfigParseOptions.defaults()
        .setSyntax(ConfigSyntax.CONF)
        .setOriginDescription(Problems.OVERRIDE + " " + path);
    try {
      Config parsed = ConfigFactory.parseString(VALUE_KEY + " = " + text, options);
      if (parsed.root().size() != 1 || !parsed.hasPathOrNull(VALUE_KEY)) {
        problems.override(path, "expected a single HOCON value, got '" + text + "'");
        return null;
      }
      return parsed.root().get(VALUE_KEY);
    } catch (ConfigException e) {
      problems.override(path, "syntax error: " + Problems.shortMessage(e));
      return null;
    }
  }

  private static boolean isValidPath(String path) {
    if (path.isEmpty()) return false;
    try {
      ConfigUtil.splitPath(path);
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }
}
