package geosim.scenario;

import static geosim.scenario.Problems.shown;
import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import geosim.topology.ElementName;
import geosim.topology.Rack;
import geosim.topology.Server;
import geosim.topology.ServerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a data center's {@code racks}: a count ({@code racks = 3}: racks {@code rack-1..rack-3},
 * each of {@code servers-per-rack} servers {@code srv-1..srv-N}, all like the data center's
 * {@code server}), or a list of racks, each with a name and either a count of servers (generated
 * the same way) or a list of servers by name.
 */
final class RackReader {
  /** Most racks in a data center and servers in a rack. Assumption: a 100,000-server topology fits either way. */
  static final int COUNT_MAX = 100_000;
  static final String RACK_PREFIX = "rack-";
  static final String SERVER_PREFIX = "srv-";
  private static final String RACKS_EXAMPLE = "4, or [ { name = rack-1, servers = 40 } ]";
  private static final String SERVERS_EXAMPLE = "40, or [ { name = srv-1, role = app } ]";

  /** What a data center hands its racks: the server they start from, and the defaults. */
  record Inherited(ServerSpec server, double oversubscription, int serversPerRack) {}

  private final TopologyValues values;
  private final ServerSpecReader specs;
  private List<Server> lastGenerated = List.of();

  RackReader(TopologyValues values) {
    this.values = values;
    this.specs = new ServerSpecReader(values);
  }

  /** The racks, or null after reporting; {@code inherited} null means the data center was bad. */
  List<Rack> read(ConfigValue racks, String path, Inherited inherited) {
    if (racks == null) return null;
    if (racks.valueType() == ConfigValueType.NUMBER) {
      Long count = values.reader().integer(path, racks, 1, COUNT_MAX);
      if (count == null || inherited == null) return null;
      List<Rack> generated = new ArrayList<>(count.intValue());
      List<Server> servers = generated(inherited.serversPerRack(), inherited.server());
      for (int i = 1; i <= count; i++) {
        generated.add(new Rack(RACK_PREFIX + i, inherited.oversubscription(), servers));
      }
      return generated;
    }
    ConfigList list = countOrList(racks, path, "rack", RACKS_EXAMPLE);
    return list == null ? null : listed(list, path, inherited);
  }

  private List<Rack> listed(ConfigList list, String path, Inherited inherited) {
    int before = values.problems().count();
    Map<String, String> firstPathByName = new LinkedHashMap<>();
    List<Rack> racks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String rackPath = path + "[" + i + "]";
      ConfigObject element = values.object(list.get(i), rackPath, "{ name = rack-1, servers = 40 }");
      if (element == null) continue;
      String name = values.name(element, rackPath, "a switch of the data center", ElementName.DATA_CENTER_SWITCH);
      Rack rack = rack(element, rackPath, name, inherited);
      if (name != null && values.unique(firstPathByName, name, element, rackPath, "rack") && rack != null) {
        racks.add(rack);
      }
    }
    return values.problems().count() == before ? racks : null;
  }

  private Rack rack(ConfigObject element, String path, String name, Inherited inherited) {
    ConfigValue oversubscriptionValue = element.get("tor-uplink-oversubscription");
    Double oversubscription = oversubscriptionValue == null
        ? (inherited == null ? null : inherited.oversubscription())
        : values.reader().decimal(path(path, "tor-uplink-oversubscription"), oversubscriptionValue,
            1, Rack.OVERSUBSCRIPTION_MAX);
    ConfigObject own = values.object(element.get("server"), path(path, "server"), "{ role = app }");
    ServerSpec base = inherited == null ? null : inherited.server();
    ServerSpec spec = own == null ? base : specs.overlay(own, base, path(path, "server"));
    List<Server> servers = servers(element.get("servers"), path(path, "servers"), spec, inherited);
    if (name == null || oversubscription == null || servers == null) return null;
    return new Rack(name, oversubscription, servers);
  }

  private List<Server> servers(ConfigValue value, String path, ServerSpec spec, Inherited inherited) {
    if (value == null) {
      return spec == null || inherited == null ? null : generated(inherited.serversPerRack(), spec);
    }
    if (value.valueType() == ConfigValueType.NUMBER) {
      Long count = values.reader().integer(path, value, 1, COUNT_MAX);
      return count == null || spec == null ? null : generated(count.intValue(), spec);
    }
    ConfigList list = countOrList(value, path, "server", SERVERS_EXAMPLE);
    return list == null ? null : listedServers(list, path, spec);
  }

  private List<Server> listedServers(ConfigList list, String path, ServerSpec spec) {
    int before = values.problems().count();
    Map<String, String> firstPathByName = new LinkedHashMap<>();
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String serverPath = path + "[" + i + "]";
      ConfigObject element = values.object(list.get(i), serverPath, "{ name = srv-1, role = app }");
      if (element == null) continue;
      String name = values.name(element, serverPath, "the rack's switch", Pattern.compile(ElementName.TOR_SWITCH));
      ServerSpec own = specs.overlay(element, spec, serverPath);
      if (name != null && values.unique(firstPathByName, name, element, serverPath, "server") && own != null) {
        servers.add(new Server(name, own));
      }
    }
    return values.problems().count() == before && spec != null ? servers : null;
  }

  /**
   * Servers {@code srv-1..srv-count}, all with {@code spec}. Consecutive racks alike share one
   * list: the records are immutable, and a 100,000-server topology then costs little heap.
   */
  private List<Server> generated(int count, ServerSpec spec) {
    if (lastGenerated.size() == count && lastGenerated.get(0).spec().equals(spec)) return lastGenerated;
    List<Server> servers = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) servers.add(new Server(SERVER_PREFIX + i, spec));
    lastGenerated = List.copyOf(servers);
    return lastGenerated;
  }

  /** A count or a list; anything else is reported with both forms as examples. */
  private ConfigList countOrList(ConfigValue value, String path, String what, String example) {
    if (value.valueType() != ConfigValueType.LIST) {
      values.problems().at(value, path,
          "expected a number of " + what + "s or a list, such as " + example + ", got '" + shown(value) + "'");
      return null;
    }
    return values.list(value, path, what, example);
  }
}
