package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigValue;
import geosim.store.node.ClockSettings;
import geosim.topology.Topology;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads {@code store.clocks} into {@link ClockSettings}: {@code skew-stddev} (a duration >= 0) and
 * {@code offsets}, a list of {@code { server = <server path>, offset = <signed duration> }}. Server
 * paths are those of the topology ({@code region/datacenter/rack/server}), as network flows name
 * them; an unknown server is a problem at its line when the topology is known.
 */
final class ClockReader {
  private static final String AT = "store.clocks";
  private static final String EXAMPLE = "{ server = us-east/use1-a/rack-1/srv-1, offset = 1s }";
  private static final Set<String> ELEMENT_KEYS = Set.of("server", "offset");

  private final ValueReader reader;
  private final Problems problems;

  ClockReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The clock settings, or null when any problem was reported. */
  ClockSettings read(ConfigValue clocks, Topology topology) {
    int before = problems.count();
    Long stddev = reader.durationNsAt(clocks, AT, "skew-stddev", true);
    if (stddev != null && stddev > ClockSettings.OFFSET_NS_MAX) {
      problems.at(reader.child(clocks, AT, "skew-stddev"), path(AT, "skew-stddev"), "must be at most 1d");
    }
    SortedMap<String, Long> offsets = offsets(reader.child(clocks, AT, "offsets"), topology);
    if (problems.count() != before) return null;
    return new ClockSettings(stddev, offsets);
  }

  private SortedMap<String, Long> offsets(ConfigValue value, Topology topology) {
    SortedMap<String, Long> offsets = new TreeMap<>();
    new TopologyValues(reader, problems).eachObject(value, path(AT, "offsets"), EXAMPLE, ELEMENT_KEYS, (at, o) -> {
      String server = reader.stringAt(o, at, "server");
      Long offset = reader.signedDurationNs(path(at, "offset"), reader.child(o, at, "offset"),
          ClockSettings.OFFSET_NS_MAX);
      if (server == null || offset == null) return;
      if (topology != null && topology.server(server).isEmpty()) {
        problems.at(o.get("server"), path(at, "server"), "no server '" + server + "' in the topology (a server's path"
            + " is region/datacenter/rack/server, e.g. " + topology.servers().get(0).path() + ")");
      } else if (offsets.containsKey(server)) {
        problems.at(o.get("server"), path(at, "server"), "server '" + server + "' is listed twice");
      } else {
        offsets.put(server, offset);
      }
    });
    return offsets;
  }
}
