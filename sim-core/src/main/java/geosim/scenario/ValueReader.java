package geosim.scenario;

import static geosim.scenario.Problems.shown;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads typed values out of a resolved config tree with Typesafe's conversions ({@code
 * getDuration}, {@code getNumber}), reporting each bad value to {@link Problems} in our words
 * instead of throwing. Every method returns {@code null} after reporting a problem, so a caller
 * can read on and collect all problems in one pass.
 */
final class ValueReader {
  static final String DURATION_EXAMPLES = "a duration such as 150ms, 10s, 2h or 3d";

  private final Problems problems;

  ValueReader(Problems problems) {
    this.problems = problems;
  }

  /** Joins a key path: {@code path("engine", "partitions") = "engine.partitions"}. */
  static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The child {@code key} of the object at {@code parentPath}; null when absent or not an object. */
  ConfigValue child(ConfigValue parent, String parentPath, String key) {
    if (parent == null) return null;
    if (!(parent instanceof ConfigObject)) {
      problems.at(parent, parentPath, "expected an object, got '" + shown(parent) + "'");
      return null;
    }
    ConfigValue value = ((ConfigObject) parent).get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      problems.at(value != null ? value : parent, path(parentPath, key), "missing");
      return null;
    }
    return value;
  }

  /** {@link #string} of the child {@code key} of {@code parent}. */
  String stringAt(ConfigValue parent, String parentPath, String key) {
    return string(path(parentPath, key), child(parent, parentPath, key));
  }

  /** {@link #integer} of the child {@code key} of {@code parent}. */
  Long integerAt(ConfigValue parent, String parentPath, String key, long min, long max) {
    return integer(path(parentPath, key), child(parent, parentPath, key), min, max);
  }

  /** {@link #decimal} of the child {@code key} of {@code parent}. */
  Double decimalAt(ConfigValue parent, String parentPath, String key, double min, double max) {
    return decimal(path(parentPath, key), child(parent, parentPath, key), min, max);
  }

  /** {@link #durationNs} of the child {@code key} of {@code parent}. */
  Long durationNsAt(ConfigValue parent, String parentPath, String key, boolean zeroAllowed) {
    return durationNs(path(parentPath, key), child(parent, parentPath, key), zeroAllowed);
  }

  /** A string; numbers and booleans are taken as written. */
  String string(String path, ConfigValue value) {
    if (value == null) return null;
    if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
      problems.at(value, path, "expected a string, got '" + shown(value) + "'");
      return null;
    }
    return value.atKey("v").getString("v");
  }

  /** An integer in {@code [min, max]}; a whole number written as {@code 4.0} counts. */
  Long integer(String path, ConfigValue value, long min, long max) {
    Number number = number(path, value, "an integer");
    if (number == null) return null;
    double asDouble = number.doubleValue();
    boolean whole = number instanceof Integer || number instanceof Long || asDouble == Math.rint(asDouble);
    if (!whole) {
      problems.at(value, path, "expected an integer, got '" + shown(value) + "'");
      return null;
    }
    boolean inRange = (number instanceof Integer || number instanceof Long)
        ? number.longValue() >= min && number.longValue() <= max
        : asDouble >= min && asDouble <= max;
    if (!inRange) {
      problems.at(value, path, rangeMessage(BigDecimal.valueOf(min), BigDecimal.valueOf(max), value));
      return null;
    }
    return number.longValue();
  }

  /** A number in {@code [min, max]}. */
  Double decimal(String path, ConfigValue value, double min, double max) {
    Number number = number(path, value, "a number");
    if (number == null) return null;
    double d = number.doubleValue();
    if (!(d >= min && d <= max)) {
      problems.at(value, path, rangeMessage(BigDecimal.valueOf(min), BigDecimal.valueOf(max), value));
      return null;
    }
    return d;
  }

  /**
   * A duration in nanoseconds, HOCON syntax ({@code 150ms}; a bare number means milliseconds).
   * Must be > 0, or >= 0 when {@code zeroAllowed}, and under about 292 years.
   */
  Long durationNs(String path, ConfigValue value, boolean zeroAllowed) {
    if (value == null) return null;
    Duration duration = duration(value);
    if (duration == null) {
      problems.at(value, path, "expected " + DURATION_EXAMPLES + ", got '" + shown(value) + "'");
      return null;
    }
    if (duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
      problems.at(value, path, "must be " + (zeroAllowed ? ">= 0" : "> 0") + ", got " + shown(value));
      return null;
    }
    // Typesafe saturates at Long.MAX_VALUE nanoseconds instead of failing, so treat that as too long.
    if (duration.compareTo(Duration.ofNanos(Long.MAX_VALUE - 1)) > 0) {
      problems.at(value, path, "must be less than about 292 years, got " + shown(value));
      return null;
    }
    return duration.toNanos();
  }

  /**
   * A duration in nanoseconds that may be negative ({@code -500ms}; a bare number means
   * milliseconds), at most {@code maxAbsNs} either way.
   */
  Long signedDurationNs(String path, ConfigValue value, long maxAbsNs) {
    if (value == null) return null;
    Duration duration = duration(value);
    if (duration == null) {
      problems.at(value, path, "expected " + DURATION_EXAMPLES + ", or a negative one such as -1s, got '"
          + shown(value) + "'");
      return null;
    }
    if (duration.abs().compareTo(Duration.ofNanos(maxAbsNs)) > 0) {
      problems.at(value, path, "must be between -" + Duration.ofNanos(maxAbsNs).toHours() + "h and "
          + Duration.ofNanos(maxAbsNs).toHours() + "h, got " + shown(value));
      return null;
    }
    return duration.toNanos();
  }

  /**
   * A size in bytes, HOCON syntax ({@code 6MB} = 6,000,000, {@code 1GiB} = 2^30, a bare number
   * means bytes), between {@code min} and {@code max}.
   */
  Long bytes(String path, ConfigValue value, long min, long max) {
    if (value == null) return null;
    Long bytes = null;
    if (value.valueType() == ConfigValueType.STRING || value.valueType() == ConfigValueType.NUMBER) {
      try {
        bytes = value.atKey("v").getBytes("v");
      } catch (ConfigException e) {
        bytes = null;
      }
    }
    if (bytes == null && value.unwrapped() instanceof Number n && n.doubleValue() < 0) {
      problems.at(value, path, rangeMessage(BigDecimal.valueOf(min), BigDecimal.valueOf(max), value));
      return null;
    }
    if (bytes == null) {
      problems.at(value, path, "expected a size such as 1500B, 6MB or 1GiB, got '" + shown(value) + "'");
      return null;
    }
    if (bytes < min || bytes > max) {
      problems.at(value, path, rangeMessage(BigDecimal.valueOf(min), BigDecimal.valueOf(max), value));
      return null;
    }
    return bytes;
  }

  private static Duration duration(ConfigValue value) {
    if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER) {
      return null;
    }
    try {
      return value.atKey("v").getDuration("v");
    } catch (ConfigException e) {
      return null;
    }
  }

  private Number number(String path, ConfigValue value, String expected) {
    if (value == null) return null;
    Number number = null;
    if (value.valueType() == ConfigValueType.NUMBER || value.valueType() == ConfigValueType.STRING) {
      try {
        number = value.atKey("v").getNumber("v");
      } catch (ConfigException e) {
        number = null;
      }
    }
    if (number == null || Double.isNaN(number.doubleValue())) {
      problems.at(value, path, "expected " + expected + ", got '" + shown(value) + "'");
      return null;
    }
    return number;
  }

  private static String rangeMessage(BigDecimal min, BigDecimal max, ConfigValue value) {
    boolean noMin = min.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0;
    boolean noMax = max.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0;
    String range;
    if (noMin && noMax) {
      range = "a 64-bit integer";
    } else if (noMax) {
      range = ">= " + plain(min);
    } else {
      range = "between " + plain(min) + " and " + plain(max);
    }
    return "must be " + range + ", got " + shown(value);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
