package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.network.BackgroundFlowSpec;
import geosim.network.CutSpec;
import geosim.network.NetworkDefaults;
import geosim.network.NetworkMode;
import geosim.network.NetworkSettings;
import geosim.topology.ActorPaths;
import geosim.topology.Link;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code network} block: egress buffer sizes, background flows between servers of the
 * topology, and cuts between or around its elements. Every name is checked against the
 * topology, so a flow from a server that does not exist is a problem at its line, not a crash.
 */
final class NetworkReader {
  static final String BLOCK = "network";
  /** Largest buffer: 1 TiB. Assumption: beyond any real switch or router, and far from overflow. */
  static final long BUFFER_BYTES_MAX = 1L << 40;
  /** Largest background flow: 1 Pbit/s, beyond any link. */
  static final double RATE_GBPS_MAX = 1e6;

  private static final String FLOWS = "background-flows";
  private static final String CUTS = "cuts";
  private static final String FLOW_EXAMPLE =
      "{ from = us-east/use1-a/rack-1/srv-1, to = eu-west/euw1-a/rack-1/srv-1, rate-gbps = 40, start = 10s, duration = 75m }";
  private static final String CUT_EXAMPLE = "{ start = 1m, duration = 30s, isolate = us-east }";
  private static final Set<String> FLOW_KEYS = Set.of("name", "from", "to", "rate-gbps", "start", "duration");
  private static final Set<String> CUT_KEYS = Set.of("start", "duration", "isolate", "between");

  private final ValueReader reader;
  private final Problems problems;

  NetworkReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /**
   * The network settings, or null when any problem was reported.
   *
   * @param topology the scenario's topology, or null when it has none (then flows and cuts must
   *     be empty) or it had problems (then names are not checked)
   * @param topologyGiven whether the scenario has a topology block at all
   */
  NetworkSettings read(ConfigValue network, Topology topology, boolean topologyGiven) {
    int before = problems.count();
    ConfigValue buffers = reader.child(network, BLOCK, "buffers");
    String bp = path(BLOCK, "buffers");
    Long server = reader.bytes(path(bp, "server"), reader.child(buffers, bp, "server"), 0, BUFFER_BYTES_MAX);
    Long sw = reader.bytes(path(bp, "switch"), reader.child(buffers, bp, "switch"), 0, BUFFER_BYTES_MAX);
    Long wan = reader.bytes(path(bp, "wan"), reader.child(buffers, bp, "wan"), 0, BUFFER_BYTES_MAX);
    List<BackgroundFlowSpec> flows = new ArrayList<>();
    ConfigList flowList = list(reader.child(network, BLOCK, FLOWS), path(BLOCK, FLOWS), FLOW_EXAMPLE, topologyGiven);
    for (int i = 0; flowList != null && i < flowList.size(); i++) {
      BackgroundFlowSpec flow = flow(flowList.get(i), path(BLOCK, FLOWS) + "[" + i + "]", i, topology);
      if (flow != null) flows.add(flow);
    }
    List<CutSpec> cuts = new ArrayList<>();
    ConfigList cutList = list(reader.child(network, BLOCK, CUTS), path(BLOCK, CUTS), CUT_EXAMPLE, topologyGiven);
    for (int i = 0; cutList != null && i < cutList.size(); i++) {
      CutSpec cut = cut(cutList.get(i), path(BLOCK, CUTS) + "[" + i + "]", topology);
      if (cut != null) cuts.add(cut);
    }
    NetworkMode mode = mode(reader.child(network, BLOCK, "mode"));
    if (problems.count() != before) return null;
    NetworkDefaults defaults = new NetworkDefaults(NetworkDefaults.CITED.mtuBytes(), server, sw, wan);
    return new NetworkSettings(defaults, flows, cuts, mode);
  }

  /** {@code network.mode}: {@code hops} or {@code paths}. */
  private NetworkMode mode(ConfigValue value) {
    String text = reader.string(path(BLOCK, "mode"), value);
    if (text == null) return null;
    StringBuilder choices = new StringBuilder();
    for (NetworkMode mode : NetworkMode.values()) {
      if (mode.configName().equals(text)) return mode;
      choices.append(choices.length() == 0 ? "" : "|").append(mode.configName());
    }
    problems.at(value, path(BLOCK, "mode"), "expected one of " + choices + ", got '" + text + "'");
    return null;
  }

  /** A list, possibly empty; a non-empty one needs a topology to refer to. */
  private ConfigList list(ConfigValue value, String path, String example, boolean topologyGiven) {
    if (value == null) return null;
    if (!(value instanceof ConfigList list)) {
      problems.at(value, path, "expected a list such as [" + example + "], got '" + shown(value) + "'");
      return null;
    }
    if (!list.isEmpty() && !topologyGiven) {
      problems.at(value, path, "needs a topology { ... } block whose servers and links it names");
      return null;
    }
    return list;
  }

  private BackgroundFlowSpec flow(ConfigValue value, String path, int index, Topology topology) {
    ConfigObject o = object(value, path, FLOW_EXAMPLE);
    if (o == null) return null;
    int before = problems.count();
    UnknownKeys.checkElement(o, path, FLOW_KEYS, problems);
    String name = o.containsKey("name") ? reader.stringAt(o, path, "name") : "flow-" + (index + 1);
    if (name != null && name.isEmpty()) problems.at(o.get("name"), path(path, "name"), "must not be empty");
    String from = server(o, path, "from", topology);
    String to = server(o, path, "to", topology);
    Double rateGbps = new TopologyValues(reader, problems)
        .positive(path(path, "rate-gbps"), reader.child(o, path, "rate-gbps"), RATE_GBPS_MAX);
    long[] window = window(o, path);
    if (from != null && from.equals(to)) {
      problems.at(o.get("to"), path(path, "to"), "a flow joins two different servers, got " + from + " twice");
    }
    if (problems.count() != before) return null;
    return new BackgroundFlowSpec(name, from, to, rateGbps * 1e9, window[0], window[1]);
  }

  private CutSpec cut(ConfigValue value, String path, Topology topology) {
    ConfigObject o = object(value, path, CUT_EXAMPLE);
    if (o == null) return null;
    int before = problems.count();
    UnknownKeys.checkElement(o, path, CUT_KEYS, problems);
    long[] window = window(o, path);
    boolean isolate = o.containsKey("isolate");
    if (isolate == o.containsKey("between")) {
      problems.at(o, path, "give exactly one of isolate = <element> and between = [<element>, <element>]");
      return null;
    }
    CutSpec cut = null;
    if (isolate) {
      String element = element(o.get("isolate"), path(path, "isolate"), topology);
      if (element != null && window != null) cut = CutSpec.isolate(window[0], window[1], element);
    } else {
      List<String> pair = pair(o.get("between"), path(path, "between"), topology);
      if (pair != null && window != null) cut = CutSpec.between(window[0], window[1], pair.get(0), pair.get(1));
    }
    if (cut != null && topology != null && cut.linkIds(topology.links()).length == 0) {
      ConfigValue at = o.get(isolate ? "isolate" : "between");
      problems.at(at, path(path, isolate ? "isolate" : "between"), "cuts no link: no cable joins "
          + (isolate ? cut.isolate() + " to the rest" : cut.between().get(0) + " and " + cut.between().get(1))
          + " directly (regions are joined by their WAN routers; to cut a data center or rack off, isolate it)");
    }
    return problems.count() == before ? cut : null;
  }

  /** {@code start} (default 0) and {@code duration} (default: to the end) as [start, end). */
  private long[] window(ConfigObject o, String path) {
    Long start = o.containsKey("start") ? reader.durationNsAt(o, path, "start", true) : Long.valueOf(0);
    Long duration = o.containsKey("duration") ? reader.durationNsAt(o, path, "duration", false) : null;
    if (start == null || (o.containsKey("duration") && duration == null)) return null;
    long end = duration == null || start > Long.MAX_VALUE - duration ? Long.MAX_VALUE : start + duration;
    return new long[] {start, end};
  }

  private String server(ConfigObject o, String path, String key, Topology topology) {
    String server = reader.stringAt(o, path, key);
    if (server == null || topology == null) return server;
    if (topology.server(server).isEmpty()) {
      problems.at(o.get(key), path(path, key), "no server '" + server + "' in the topology (a server's path is "
          + "region/datacenter/rack/server, e.g. " + topology.servers().get(0).path() + ")");
      return null;
    }
    return server;
  }

  private String element(ConfigValue value, String path, Topology topology) {
    String element = reader.string(path, value);
    if (element == null || topology == null) return element;
    for (Link link : topology.links()) {
      if (CutSpec.within(link.from(), element) || CutSpec.within(link.to(), element)) return element;
    }
    problems.at(value, path, "no element '" + element + "' in the topology (a region, region/datacenter, "
        + "region/datacenter/rack or a server's path, e.g. " + rackPath(topology) + ")");
    return null;
  }

  private static String rackPath(Topology topology) {
    Placement p = topology.servers().get(0);
    return ActorPaths.rack(p.region().name(), p.dataCenter().name(), p.rack().name());
  }

  private List<String> pair(ConfigValue value, String path, Topology topology) {
    if (!(value instanceof ConfigList list) || list.size() != 2) {
      problems.at(value, path, "expected two elements such as [us-east, eu-west], got '" + shown(value) + "'");
      return null;
    }
    String a = element(list.get(0), path + "[0]", topology);
    String b = element(list.get(1), path + "[1]", topology);
    if (a == null || b == null) return null;
    if (CutSpec.within(a, b) || CutSpec.within(b, a)) {
      problems.at(value, path, "'" + a + "' and '" + b + "' overlap; name two separate elements");
      return null;
    }
    return List.of(a, b);
  }

  private ConfigObject object(ConfigValue value, String path, String example) {
    if (value instanceof ConfigObject o) return o;
    problems.at(value, path, "expected an object such as " + example + ", got '" + shown(value) + "'");
    return null;
  }
}
