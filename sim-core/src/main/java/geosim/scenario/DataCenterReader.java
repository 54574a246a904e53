package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.topology.DataCenter;
import geosim.topology.ElementName;
import geosim.topology.Fabric;
import geosim.topology.LinkSpec;
import geosim.topology.Rack;
import geosim.topology.ServerSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one data center: its own keys over the {@code datacenter} defaults of {@code
 * topology-defaults.conf}, its fabric, its server template and its racks ({@link RackReader}).
 */
final class DataCenterReader {
  static final String EXAMPLE = "{ name = use1-a, racks = 4 }";
  private static final Pattern WAN = Pattern.compile(ElementName.WAN_ROUTER);

  private final TopologyValues values;
  private final ConfigObject defaults;
  private final ServerSpec defaultServer;
  private final ServerSpecReader specs;
  private final RackReader racks;

  /**
   * @param defaults the {@code datacenter} block of the defaults; its {@code server} is trusted
   */
  DataCenterReader(TopologyValues values, ConfigObject defaults, ServerSpec defaultServer) {
    this.values = values;
    this.defaults = defaults;
    this.defaultServer = defaultServer;
    this.specs = new ServerSpecReader(values);
    this.racks = new RackReader(values);
  }

  /** The data center's name, or null after reporting (read apart, for duplicate checks). */
  String name(ConfigObject element, String path) {
    return values.name(element, path, "the region's WAN router", WAN);
  }

  /** The data center, or null after reporting a problem. */
  DataCenter read(ConfigObject element, String path, String name) {
    int before = values.problems().count();
    Double pue = values.reader().decimal(path(path, "pue"), get(element, path, "pue"), 1, DataCenter.PUE_MAX);
    Fabric fabric = fabric(element, path);
    ConfigObject ownServer = values.object(element.get("server"), path(path, "server"), "{ role = app }");
    ServerSpec server = ownServer == null ? defaultServer : specs.overlay(ownServer, defaultServer, path(path, "server"));
    Double oversubscription = values.reader().decimal(path(path, "tor-uplink-oversubscription"),
        get(element, path, "tor-uplink-oversubscription"), 1, Rack.OVERSUBSCRIPTION_MAX);
    Long perRack = values.reader().integer(path(path, "servers-per-rack"),
        get(element, path, "servers-per-rack"), 1, RackReader.COUNT_MAX);
    RackReader.Inherited inherited = server == null || oversubscription == null || perRack == null
        ? null : new RackReader.Inherited(server, oversubscription, perRack.intValue());
    List<Rack> rackList = racks.read(values.value(element, null, path, "racks"), path(path, "racks"), inherited);
    if (values.problems().count() != before || name == null) return null;
    return new DataCenter(name, pue, fabric, rackList);
  }

  private Fabric fabric(ConfigObject element, String path) {
    int before = values.problems().count();
    Long core = values.reader().integer(path(path, "core-switches"),
        get(element, path, "core-switches"), 1, Fabric.SWITCHES_MAX);
    Long aggregation = values.reader().integer(path(path, "aggregation-switches"),
        get(element, path, "aggregation-switches"), 1, Fabric.SWITCHES_MAX);
    Long latencyNs = values.latencyNs(path(path, "link-latency"), get(element, path, "link-latency"));
    Double coreLinkGbps = values.positive(path(path, "core-link-gbps"),
        get(element, path, "core-link-gbps"), Double.MAX_VALUE);
    LinkSpec wanUplink = wanUplink(element, path(path, "wan-uplink"));
    if (values.problems().count() != before) return null;
    return new Fabric(core.intValue(), aggregation.intValue(), latencyNs, coreLinkGbps, wanUplink);
  }

  private LinkSpec wanUplink(ConfigObject element, String path) {
    ConfigObject own = values.object(element.get("wan-uplink"), path, "{ latency = 250us, bandwidth-gbps = 100 }");
    ConfigObject fallback = (ConfigObject) defaults.get("wan-uplink");
    ConfigObject link = own == null ? fallback : own;
    Long latencyNs = values.latencyNs(path(path, "latency"), values.value(link, fallback, path, "latency"));
    Double gbps = values.positive(path(path, "bandwidth-gbps"),
        values.value(link, fallback, path, "bandwidth-gbps"), Double.MAX_VALUE);
    return latencyNs == null || gbps == null ? null : new LinkSpec(latencyNs, gbps);
  }

  private ConfigValue get(ConfigObject element, String path, String key) {
    return values.value(element, defaults, path, key);
  }
}
