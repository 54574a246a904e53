package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.workload.LoadShape;
import geosim.workload.TraceCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Reads a list of load shapes ({@code shape = [ { kind = diurnal, peak-hour = 20, trough = 0.3 },
 * { kind = weekly, weekend = 1.4 } ]}) into a {@link RegionalShape}: the product of the shapes,
 * built per region because diurnal and weekly shapes follow local time. A region's offset from
 * UTC is its longitude / 15, rounded (solar time; {@code utc-offset} on a shape overrides it). A
 * trace's {@code file} is read relative to the scenario file that names it.
 */
final class LoadShapeReader {
  /** The product of a population's shapes, for a region at a given offset from UTC. */
  interface RegionalShape {
    LoadShape at(double utcOffsetHours);

    /** Solar time: the offset of {@code longitude}, hours, rounded. */
    static double utcOffsetOf(double longitude) {
      return Math.round(longitude / 15);
    }
  }

  static final String KINDS = "constant, step, ramp, diurnal, weekly, mmo-launch, flash-crowd, trace";
  private static final String EXAMPLE = "{ kind = diurnal, peak-hour = 20, trough = 0.3 }";
  private static final Map<String, Set<String>> KEYS = Map.of(
      "constant", Set.of("kind", "factor"),
      "step", Set.of("kind", "at", "factor"),
      "ramp", Set.of("kind", "start", "end", "from", "to"),
      "diurnal", Set.of("kind", "peak-hour", "trough", "utc-offset"),
      "weekly", Set.of("kind", "weekend", "utc-offset"),
      "mmo-launch", Set.of("kind", "launch", "day-one", "settled", "settle"),
      "flash-crowd", Set.of("kind", "start", "grow", "from", "to"),
      "trace", Set.of("kind", "file"));
  /** Largest factor a shape may apply: a millionfold. Assumption: beyond any load story. */
  static final double FACTOR_MAX = 1e6;

  private final ValueReader reader;
  private final Problems problems;

  LoadShapeReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The shapes of the list at {@code at}; a constant 1 for an empty list; null after a problem. */
  RegionalShape read(ConfigValue value, String at) {
    if (value == null) return null;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, at, "expected a list such as [" + EXAMPLE + "], got '" + Problems.shown(value) + "'");
      return null;
    }
    int before = problems.count();
    List<DoubleFunction<LoadShape>> shapes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String item = at + "[" + i + "]";
      ConfigObject o = new TopologyValues(reader, problems).object(list.get(i), item, EXAMPLE);
      if (o == null) continue;
      String kind = reader.stringAt(o, item, "kind");
      if (kind == null) continue;
      if (!KEYS.containsKey(kind)) {
        problems.at(o.get("kind"), path(item, "kind"), "expected one of " + KINDS + ", got '" + kind + "'");
        continue;
      }
      UnknownKeys.checkElement(o, item, KEYS.get(kind), problems);
      DoubleFunction<LoadShape> shape = shape(kind, o, item);
      if (shape != null) shapes.add(shape);
    }
    if (problems.count() != before) return null;
    return offset -> {
      List<LoadShape> built = new ArrayList<>();
      for (DoubleFunction<LoadShape> s : shapes) built.add(s.apply(offset));
      return built.isEmpty() ? new LoadShape.Constant(1) : LoadShape.product(built);
    };
  }

  private DoubleFunction<LoadShape> shape(String kind, ConfigObject o, String at) {
    int before = problems.count();
    DoubleFunction<LoadShape> shape = switch (kind) {
      case "constant" -> {
        Double f = factor(o, at, "factor");
        yield f == null ? null : offset -> new LoadShape.Constant(f);
      }
      case "step" -> {
        Long atNs = reader.durationNsAt(o, at, "at", true);
        Double f = factor(o, at, "factor");
        yield atNs == null || f == null ? null : offset -> new LoadShape.Steps(new long[] {atNs}, new double[] {f});
      }
      case "ramp" -> ramp(o, at);
      case "diurnal" -> {
        Double peak = reader.decimalAt(o, at, "peak-hour", 0, 23.999);
        Double trough = reader.decimalAt(o, at, "trough", 0, 1);
        Double fixed = utcOffset(o, at);
        yield peak == null || trough == null || problems.count() != before ? null
            : offset -> new LoadShape.Diurnal(peak, trough, fixed != null ? fixed : offset);
      }
      case "weekly" -> {
        Double weekend = factor(o, at, "weekend");
        Double fixed = utcOffset(o, at);
        yield weekend == null || problems.count() != before ? null
            : offset -> new LoadShape.Weekly(weekend, fixed != null ? fixed : offset);
      }
      case "mmo-launch" -> {
        Long launch = reader.durationNsAt(o, at, "launch", true);
        Double dayOne = reader.decimalAt(o, at, "day-one", 0, 1);
        Double settled = reader.decimalAt(o, at, "settled", 0, 1);
        Long settle = reader.durationNsAt(o, at, "settle", false);
        yield problems.count() != before ? null : offset -> new LoadShape.MmoLaunch(launch, dayOne, settled, settle);
      }
      case "flash-crowd" -> {
        Long start = reader.durationNsAt(o, at, "start", true);
        Long grow = reader.durationNsAt(o, at, "grow", false);
        Double from = positiveFactor(o, at, "from");
        Double to = positiveFactor(o, at, "to");
        yield problems.count() != before ? null : offset -> new LoadShape.FlashCrowd(start, grow, from, to);
      }
      default -> trace(o, at);
    };
    return problems.count() != before ? null : shape;
  }

  private DoubleFunction<LoadShape> ramp(ConfigObject o, String at) {
    int before = problems.count();
    Long start = reader.durationNsAt(o, at, "start", true);
    Long end = reader.durationNsAt(o, at, "end", false);
    Double from = factor(o, at, "from");
    Double to = factor(o, at, "to");
    if (problems.count() != before) return null;
    if (end <= start) {
      problems.at(o.get("end"), path(at, "end"), "must be after start");
      return null;
    }
    return offset -> new LoadShape.Ramp(start, end, from, to);
  }

  private DoubleFunction<LoadShape> trace(ConfigObject o, String at) {
    String file = reader.stringAt(o, at, "file");
    if (file == null) return null;
    ConfigValue value = o.get("file");
    Path path = Path.of(file);
    // A scenario file is parsed with its path as the origin's description, which leaves filename() null.
    String origin = value.origin().filename() != null ? value.origin().filename() : problems.source();
    if (!path.isAbsolute() && origin != null) {
      Path dir = Path.of(origin).getParent(); // none beside a bare file name: the working directory
      if (dir != null) path = dir.resolve(path);
    }
    try {
      LoadShape.Trace trace = TraceCsv.parse(file, Files.readAllLines(path));
      return offset -> trace;
    } catch (TraceCsv.TraceFormatException e) {
      problems.at(value, path(at, "file"), e.getMessage());
    } catch (IOException | RuntimeException e) {
      problems.at(value, path(at, "file"), "cannot read " + path + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return null;
  }

  private Double factor(ConfigObject o, String at, String key) {
    return reader.decimalAt(o, at, key, 0, FACTOR_MAX);
  }

  private Double positiveFactor(ConfigObject o, String at, String key) {
    return new TopologyValues(reader, problems).positive(path(at, key), reader.child(o, at, key), FACTOR_MAX);
  }

  /** The shape's own {@code utc-offset} in hours, or null to take the region's. */
  private Double utcOffset(ConfigObject o, String at) {
    if (!o.containsKey("utc-offset")) return null;
    return reader.decimalAt(o, at, "utc-offset", -14, 14);
  }
}
