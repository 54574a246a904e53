package geosim.visualizer;

import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finished run folder written by {@code geosim run}, read back for replay: its {@code
 * timeseries.csv} as {@link Frame}s, and its {@code resolved.conf} (the exact scenario) for the map.
 *
 * <p>File format ({@code timeseries.csv}): the header {@code timeSeconds,scope,metric,value}, then
 * one row per (time, scope, metric) with rows of one time together, times increasing, e.g. {@code
 * 10,us-east,read.latency.p50Ms,0.476}. A folder still marked {@code INCOMPLETE} (the run died or
 * runs on) has only {@code timeseries.csv.partial}; it is refused.
 *
 * @param folder the folder
 * @param frames every interval of the run, oldest first, at least one
 * @param scenario the scenario the run used
 */
record RunFolder(Path folder, List<Frame> frames, ScenarioSettings scenario) {
  static final String CSV = "timeseries.csv";
  static final String HEADER = "timeSeconds,scope,metric,value";
  static final String RESOLVED = "resolved.conf";

  RunFolder {
    frames = List.copyOf(frames);
    if (frames.isEmpty()) throw new IllegalArgumentException("a run folder needs at least one frame");
  }

  /**
   * Reads {@code folder}.
   *
   * @throws IOException naming the file and line when something is missing or malformed
   */
  static RunFolder read(Path folder) throws IOException {
    Path csv = folder.resolve(CSV);
    if (!Files.isRegularFile(csv)) {
      throw new IOException(folder + ": no " + CSV + " (is it a folder written by 'geosim run', and has the run finished?)");
    }
    List<Frame> frames;
    try (Reader in = Files.newBufferedReader(csv)) {
      frames = frames(csv.toString(), in);
    }
    if (frames.isEmpty()) throw new IOException(csv + ": no rows");
    Path resolved = folder.resolve(RESOLVED);
    if (!Files.isRegularFile(resolved)) throw new IOException(folder + ": no " + RESOLVED);
    try {
      return new RunFolder(folder, frames, ScenarioLoader.parse(resolved.toString(), scenarioText(Files.readString(resolved)), List.of()));
    } catch (ScenarioConfigException e) {
      throw new IOException(String.join("; ", e.problems()), e);
    }
  }

  /**
   * The resolved configuration without its top-level {@code home} line. The loader's reference
   * configuration takes JVM system properties ({@code ConfigFactory.defaultReference}), so a run
   * started by {@code ./geosim} (which sets {@code -Dgeosim.home}) writes {@code home = "..."}
   * into {@code resolved.conf}, and a JVM without that property rejects it as an unknown key. It
   * is the launcher's folder, not part of the scenario.
   */
  static String scenarioText(String resolvedConf) {
    StringBuilder out = new StringBuilder();
    for (String line : resolvedConf.split("\n", -1)) {
      if (!line.startsWith("home=") && !line.startsWith("home =")) out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Parses a {@code timeseries.csv}; {@code name} is used in messages. */
  static List<Frame> frames(String name, Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String header = in.readLine();
    if (!HEADER.equals(header)) throw new IOException(name + ":1: expected the header '" + HEADER + "'");
    Timeline timeline = new Timeline(Double.POSITIVE_INFINITY);
    SortedMap<String, Double> values = new TreeMap<>();
    double time = Double.NaN;
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      String[] f = line.split(",", -1);
      double rowTime;
      double value;
      try {
        if (f.length != 4) throw new NumberFormatException("expected 4 fields, got " + f.length);
        rowTime = Double.parseDouble(f[0]);
        value = Double.parseDouble(f[3]);
      } catch (NumberFormatException e) {
        throw new IOException(name + ":" + lineNo + ": malformed row '" + line + "': " + e.getMessage(), e);
      }
      if (rowTime != time) {
        if (rowTime < time) throw new IOException(name + ":" + lineNo + ": time " + f[0] + " goes back");
        if (!values.isEmpty()) timeline.add(new Frame(time, -1, values));
        values = new TreeMap<>();
        time = rowTime;
      }
      values.put(Frame.key(f[1], f[2]), value);
    }
    if (!values.isEmpty()) timeline.add(new Frame(time, -1, values));
    return timeline.all();
  }
}
