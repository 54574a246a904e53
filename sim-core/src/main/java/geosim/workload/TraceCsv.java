package geosim.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a load trace: a CSV file with the header {@code time,rate} and one point per line, the
 * time in seconds since the start of the run (strictly increasing, >= 0) and the rate (finite,
 * >= 0). Blank lines and lines starting with {@code #} are skipped. Every problem names the file
 * and line; the first one ends the reading.
 */
public final class TraceCsv {
  /** Most points a trace may hold: one per second for about four months. */
  public static final int POINTS_MAX = 10_000_000;

  /** A plain decimal number >= 0: digits, an optional fraction and exponent. */
  private static final Pattern DECIMAL = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private TraceCsv() {}

  /** A problem with a trace file, one line: {@code <file>:<line>: <what>}. */
  public static final class TraceFormatException extends Exception {
    private final int line;

    TraceFormatException(String source, int line, String what) {
      super(source + ":" + line + ": " + what);
      this.line = line;
    }

    /** The line of the problem, from 1. */
    public int line() {
      return line;
    }
  }

  /** Parses {@code lines} of the file named {@code source}. */
  public static LoadShape.Trace parse(String source, List<String> lines) throws TraceFormatException {
    long[] times = new long[64];
    double[] rates = new double[64];
    int points = 0;
    boolean header = false;
    long previous = -1;
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] cells = line.split(",", -1);
      if (!header) {
        if (cells.length != 2 || !cells[0].strip().equalsIgnoreCase("time") || !cells[1].strip().equalsIgnoreCase("rate")) {
          throw new TraceFormatException(source, n, "expected the header 'time,rate', got '" + shown(line) + "'");
        }
        header = true;
        continue;
      }
      if (cells.length != 2) {
        throw new TraceFormatException(source, n, "expected 2 columns (time,rate), got " + cells.length + ": '" + shown(line) + "'");
      }
      double seconds = number(source, n, "time", cells[0]);
      double rate = number(source, n, "rate", cells[1]);
      if (!(seconds * 1e9 < Long.MAX_VALUE / 2)) {
        throw new TraceFormatException(source, n, "time " + cells[0].strip() + " s is beyond the longest run");
      }
      long ns = Math.round(seconds * 1e9);
      if (ns <= previous) {
        String after = String.format(Locale.ROOT, "%.9g", previous / 1e9)
            .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", ""); // decimals' trailing zeros only
        throw new TraceFormatException(source, n, "times must increase: " + cells[0].strip() + " s comes after "
            + after + " s");
      }
      if (points == POINTS_MAX) throw new TraceFormatException(source, n, "more than " + POINTS_MAX + " points");
      if (points == times.length) {
        times = Arrays.copyOf(times, points * 2);
        rates = Arrays.copyOf(rates, points * 2);
      }
      previous = ns;
      times[points] = ns;
      rates[points++] = rate;
    }
    if (!header) throw new TraceFormatException(source, Math.max(1, lines.size()), "empty: expected the header 'time,rate' and points");
    if (points == 0) throw new TraceFormatException(source, lines.size(), "no points after the header");
    return new LoadShape.Trace(source, Arrays.copyOf(times, points), Arrays.copyOf(rates, points));
  }

  private static double number(String source, int line, String column, String cell) throws TraceFormatException {
    String text = cell.strip();
    if (!DECIMAL.matcher(text).matches()) {
      throw new TraceFormatException(source, line, column + ": expected a number >= 0, got '" + shown(text) + "'");
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new TraceFormatException(source, line, column + ": " + shown(text) + " is too large");
    }
    return value;
  }

  /** At most 60 characters, control characters escaped, so a problem stays one line. */
  private static String shown(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < 60; i++) {
      char c = text.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return text.length() > 60 ? b + "..." : b.toString();
  }
}
