package geosim.scenario;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Collects the problems of one scenario, each formatted as one line that says where it is:
 * {@code <file>:<line>: <key path>: <what>} for a value from the file, {@code --set <key path>:
 * <what>} for a value from an override, and {@code <file>: <key path>: <what> (in the default from
 * reference.conf)} for a default, which can be wrong only together with what the file says (new
 * regions, say, with the default round-trip times).
 * Duplicates are dropped, so a cascade of identical problems shows once.
 */
final class Problems {
  /** Origin description of override values; also how a problem line about one starts. */
  static final String OVERRIDE = "--set";

  private final String source;
  private final Set<String> lines = new LinkedHashSet<>();

  /** The scenario file (or the name given to a scenario text) the problems are about. */
  String source() {
    return source;
  }

  Problems(String source) {
    this.source = source;
  }

  /** A problem with the value at {@code keyPath}, which came from {@code origin}. */
  void at(ConfigOrigin origin, String keyPath, String what) {
    if (isOverride(origin)) {
      add(OVERRIDE + " " + keyPath + ": " + what);
    } else if (origin != null && origin.resource() != null) {
      add(source + ": " + keyPath + ": " + what + " (in the default from reference.conf)");
    } else {
      add(where(origin) + ": " + keyPath + ": " + what);
    }
  }

  /** A problem with the value at {@code keyPath}, located at the value's own origin. */
  void at(ConfigValue value, String keyPath, String what) {
    at(value.origin(), keyPath, what);
  }

  /** A problem with an override, e.g. {@code --set foo: expected path=value}. */
  void override(String overridePath, String what) {
    add(OVERRIDE + " " + overridePath + ": " + what);
  }

  /** A problem with the whole file, e.g. {@code configs/nope.conf: file not found}. */
  void file(String what) {
    add(source + ": " + what);
  }

  /** A parse or resolve error: {@code x.conf:3: syntax error: <Typesafe's short message>}. */
  void parser(String prefix, ConfigException e) {
    add(where(e.origin()) + ": " + prefix + shortMessage(e));
  }

  /**
   * Records one problem line. Control characters that came in with user text (a newline inside a
   * --set, a NUL in a file) are shown escaped, so every problem stays one line.
   */
  private void add(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else if (c == '\t') out.append("\\t");
      else if (Character.isISOControl(c)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    lines.add(out.toString());
  }

  int count() {
    return lines.size();
  }

  void throwIfAny() throws ScenarioConfigException {
    if (!lines.isEmpty()) throw toException();
  }

  /** The problems so far as an exception; there must be at least one. */
  ScenarioConfigException toException() {
    return new ScenarioConfigException(new ArrayList<>(lines));
  }

  /**
   * Typesafe's message without its own location prefix (we print the location ourselves) and
   * without its long "(if you intended ...)" advice about quoting.
   */
  static String shortMessage(ConfigException e) {
    String message = String.valueOf(e.getMessage());
    ConfigOrigin origin = e.origin();
    if (origin != null && message.startsWith(origin.description() + ": ")) {
      message = message.substring(origin.description().length() + 2);
    }
    int advice = message.indexOf(" (if you ");
    return advice >= 0 ? message.substring(0, advice) : message;
  }

  /** A value as the user wrote it, for "got '...'": strings bare, anything else as JSON. */
  static String shown(ConfigValue value) {
    if (value.valueType() == ConfigValueType.STRING) return (String) value.unwrapped();
    return value.render(ConfigRenderOptions.concise());
  }

  private static boolean isOverride(ConfigOrigin origin) {
    return origin != null
        && origin.filename() == null
        && origin.resource() == null
        && origin.description().startsWith(OVERRIDE + " ");
  }

  private String where(ConfigOrigin origin) {
    if (origin == null || origin.resource() != null) return source;
    String file = origin.filename() != null ? origin.filename() : source;
    return origin.lineNumber() >= 0 ? file + ":" + origin.lineNumber() : file;
  }
}
