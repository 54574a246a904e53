package geosim.kernel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual time is a {@code long} of nanoseconds since the start of a run; this class converts
 * it to and from the units people write.
 *
 * <p>The range is 0 to {@link Long#MAX_VALUE} ns, about 292 years, far beyond any scenario.
 * {@link #parse(String)} accepts the HOCON duration syntax ({@code 150ms}, {@code 2.5 s},
 * {@code 3d}, a bare number meaning milliseconds), so a value read from a config or a command
 * line means the same thing in both places. Example: {@code parse("1.5s") == 1_500_000_000L}.
 */
public final class VirtualTime {
  public static final long NANOS_PER_MICRO = 1_000L;
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;
  public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
  public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

  private static final Pattern DURATION =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

  private VirtualTime() {}

  /** Whole seconds to nanoseconds, rejecting overflow. */
  public static long seconds(double seconds) {
    return fromUnit(seconds, NANOS_PER_SECOND, "seconds");
  }

  /** Milliseconds to nanoseconds, rejecting overflow. */
  public static long millis(double millis) {
    return fromUnit(millis, NANOS_PER_MILLI, "milliseconds");
  }

  /** Nanoseconds to seconds as a double (for output only, never for ordering). */
  public static double toSeconds(long nanos) {
    return nanos / (double) NANOS_PER_SECOND;
  }

  /** Nanoseconds to milliseconds as a double (for output only). */
  public static double toMillis(long nanos) {
    return nanos / (double) NANOS_PER_MILLI;
  }

  /**
   * Parses a duration such as {@code 150ms}, {@code 10 s}, {@code 2h} or {@code 3d} into
   * nanoseconds. Units follow HOCON: ns, us, ms, s, m, h, d and their long forms; no unit means
   * milliseconds.
   *
   * @throws IllegalArgumentException naming the text when it is not a duration, is negative or
   *     overflows
   */
  public static long parse(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 150ms, 10s, 2h or 3d, got '" + text + "'");
    }
    double amount = Double.parseDouble(m.group(1));
    return fromUnit(amount, unitNanos(m.group(2).toLowerCase(Locale.ROOT), text), text);
  }

  /** Formats nanoseconds compactly for people: {@code 1.5s}, {@code 250ms}, {@code 2h3m}. */
  public static String format(long nanos) {
    if (nanos % NANOS_PER_DAY == 0 && nanos > 0) return nanos / NANOS_PER_DAY + "d";
    if (nanos % NANOS_PER_HOUR == 0 && nanos > 0) return nanos / NANOS_PER_HOUR + "h";
    if (nanos % NANOS_PER_MINUTE == 0 && nanos > 0) return nanos / NANOS_PER_MINUTE + "m";
    if (nanos >= NANOS_PER_SECOND) return trim(nanos / (double) NANOS_PER_SECOND) + "s";
    if (nanos >= NANOS_PER_MILLI) return trim(nanos / (double) NANOS_PER_MILLI) + "ms";
    if (nanos >= NANOS_PER_MICRO) return trim(nanos / (double) NANOS_PER_MICRO) + "us";
    return nanos + "ns";
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static long unitNanos(String unit, String text) {
    switch (unit) {
      case "ns": case "nano": case "nanos": case "nanosecond": case "nanoseconds":
        return 1L;
      case "us": case "micro": case "micros": case "microsecond": case "microseconds":
        return NANOS_PER_MICRO;
      case "": case "ms": case "milli": case "millis": case "millisecond": case "milliseconds":
        return NANOS_PER_MILLI;
      case "s": case "second": case "seconds":
        return NANOS_PER_SECOND;
      case "m": case "minute": case "minutes":
        return NANOS_PER_MINUTE;
      case "h": case "hour": case "hours":
        return NANOS_PER_HOUR;
      case "d": case "day": case "days":
        return NANOS_PER_DAY;
      default:
        throw new IllegalArgumentException(
            "unknown time unit '" + unit + "' in '" + text + "'; use ns, us, ms, s, m, h or d");
    }
  }

  private static long fromUnit(double amount, long unitNanos, String what) {
    if (!(amount >= 0)) {
      throw new IllegalArgumentException("a duration must be >= 0, got " + amount + " (" + what + ")");
    }
    double nanos = amount * unitNanos;
    if (nanos >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("duration too long (max about 292 years): " + what);
    }
    return Math.round(nanos);
  }
}
