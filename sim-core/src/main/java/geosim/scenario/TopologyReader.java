package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import geosim.topology.DataCenter;
import geosim.topology.DiskKind;
import geosim.topology.Region;
import geosim.topology.RttTable;
import geosim.topology.ServerRole;
import geosim.topology.ServerSpec;
import geosim.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code topology { ... }} block into a {@link Topology}, over the defaults of {@code
 * topology-defaults.conf}. Validation is complete: unknown keys (with a suggestion), types,
 * ranges, names, duplicates at every level, and the round-trip table against the regions; every
 * problem is reported in one {@link ScenarioConfigException}, one line each, {@code
 * <file>:<line>: <key path>: <what>}. Example:
 *
 * <pre>{@code
 * Topology t = TopologyReader.load(Path.of("configs/topologies/three-regions.conf"));
 * t.serverCount();                       // 960
 * t.rttNs("us-east", "eu-west");         // 80_550_000
 * }</pre>
 *
 * <p>Generated names: a data center with {@code racks = 3} gets {@code rack-1..rack-3}; a rack
 * without a server list, or with {@code servers = 40}, gets {@code srv-1..srv-40}.
 */
public final class TopologyReader {
  /** The top-level key of a topology file. */
  static final String BLOCK = "topology";
  private static final String DEFAULTS_RESOURCE = "topology-defaults.conf";
  private static final Config DEFAULTS = ConfigFactory.parseResources(TopologyReader.class.getClassLoader(),
      DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false)).resolve().getConfig("geosim-topology");
  private static final String REGION_EXAMPLE = "{ name = us-east, latitude = 39.04, longitude = -77.49, datacenters = [...] }";

  private final TopologyValues values;
  private final DataCenterReader dataCenters;

  TopologyReader(ValueReader reader, Problems problems) {
    this.values = new TopologyValues(reader, problems);
    this.dataCenters = new DataCenterReader(values, DEFAULTS.getObject("datacenter"), defaultServer());
  }

  /** Every key a topology config may have, at top level: {@code topology { ... }}; for unknown-key checks. */
  static ConfigObject schema() {
    return DEFAULTS.getObject("schema");
  }

  /**
   * Reads a topology file, whose one top-level key is {@code topology}.
   *
   * @param file error messages name it exactly as given
   * @throws ScenarioConfigException listing every problem found
   */
  public static Topology load(Path file) throws ScenarioConfigException {
    Problems problems = new Problems(file.toString());
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      problems.file(Files.exists(file) ? "cannot read file, expected a topology file (.conf)" : "file not found");
      throw problems.toException();
    }
    return read(ConfigText.parseFile(file, problems), problems);
  }

  /** Reads a topology text as if it were the file {@code displayName} (for tests). */
  public static Topology parse(String displayName, String text) throws ScenarioConfigException {
    Problems problems = new Problems(displayName);
    return read(ConfigText.parseText(displayName, text, problems), problems);
  }

  /**
   * Reads the {@code topology} block of an already parsed config; problems name {@code source}
   * where the config's origins have no file.
   */
  public static Topology read(String source, Config config) throws ScenarioConfigException {
    return read(config, new Problems(source));
  }

  private static Topology read(Config config, Problems problems) throws ScenarioConfigException {
    Config resolved;
    try {
      resolved = config.resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    } catch (ConfigException e) {
      problems.parser("", e);
      throw problems.toException();
    }
    if (!UnknownKeys.check(resolved.root(), DEFAULTS.getObject("schema"), problems)) throw problems.toException();
    ValueReader reader = new ValueReader(problems);
    Topology topology = new TopologyReader(reader, problems).read(reader.child(resolved.root(), "", BLOCK));
    problems.throwIfAny();
    return topology;
  }

  /** The topology, or null when any problem was reported. */
  Topology read(ConfigValue block) {
    ConfigObject topology = values.object(block, BLOCK, "{ regions = [" + REGION_EXAMPLE + "] }");
    if (topology == null) return null;
    int before = values.problems().count();
    ConfigObject defaults = DEFAULTS.getObject(BLOCK);
    List<String> names = new ArrayList<>();
    List<Region> regions = regions(values.value(topology, null, BLOCK, "regions"), names);
    RttTable rtt = regions == null && names.isEmpty() ? null
        : new RttReader(values).read(rtt(topology), path(BLOCK, "rtt"), names);
    Double wanLinkGbps = values.positive(path(BLOCK, "wan-link-gbps"),
        values.value(topology, defaults, BLOCK, "wan-link-gbps"), Double.MAX_VALUE);
    if (values.problems().count() != before) return null;
    try {
      return new Topology(regions, rtt, wanLinkGbps);
    } catch (IllegalArgumentException e) {
      values.problems().at(block, BLOCK, e.getMessage());
      return null;
    }
  }

  /**
   * The block's {@code rtt}; when it has none, an empty table located at the block, so a missing
   * pair points at the user's file rather than at the defaults.
   */
  private static ConfigValue rtt(ConfigObject topology) {
    ConfigValue rtt = topology.get("rtt");
    return rtt != null ? rtt : ConfigValueFactory.fromIterable(List.of()).withOrigin(topology.origin());
  }

  /** The regions, or null after reporting; {@code names} gets every name, or none if one is unusable. */
  private List<Region> regions(ConfigValue value, List<String> names) {
    String listPath = path(BLOCK, "regions");
    ConfigList list = values.list(value, listPath, "region", REGION_EXAMPLE);
    if (list == null) return null;
    int before = values.problems().count();
    Map<String, String> firstPathByName = new LinkedHashMap<>();
    List<Region> regions = new ArrayList<>();
    boolean allNamed = true;
    for (int i = 0; i < list.size(); i++) {
      String regionPath = listPath + "[" + i + "]";
      ConfigObject element = values.object(list.get(i), regionPath, REGION_EXAMPLE);
      String name = element == null ? null : values.name(element, regionPath, null, null);
      boolean first = name != null && values.unique(firstPathByName, name, element, regionPath, "region");
      Region region = element == null ? null : region(element, regionPath, name);
      allNamed &= name != null;
      if (first) names.add(name);
      if (first && region != null) regions.add(region);
    }
    if (!allNamed) names.clear();
    return values.problems().count() == before ? regions : null;
  }

  private Region region(ConfigObject element, String path, String name) {
    int before = values.problems().count();
    Double latitude = values.reader().decimal(path(path, "latitude"), values.value(element, null, path, "latitude"), -90, 90);
    Double longitude = values.reader().decimal(path(path, "longitude"),
        values.value(element, null, path, "longitude"), -180, 180);
    List<DataCenter> dcs = dataCenters(values.value(element, null, path, "datacenters"), path(path, "datacenters"));
    if (values.problems().count() != before || name == null) return null;
    return new Region(name, latitude, longitude, dcs);
  }

  private List<DataCenter> dataCenters(ConfigValue value, String listPath) {
    ConfigList list = values.list(value, listPath, "data center", DataCenterReader.EXAMPLE);
    if (list == null) return null;
    int before = values.problems().count();
    Map<String, String> firstPathByName = new LinkedHashMap<>();
    List<DataCenter> dcs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String dcPath = listPath + "[" + i + "]";
      ConfigObject element = values.object(list.get(i), dcPath, DataCenterReader.EXAMPLE);
      if (element == null) continue;
      String name = dataCenters.name(element, dcPath);
      boolean first = name != null && values.unique(firstPathByName, name, element, dcPath, "data center");
      DataCenter dc = dataCenters.read(element, dcPath, name);
      if (first && dc != null) dcs.add(dc);
    }
    return values.problems().count() == before ? dcs : null;
  }

  private static ServerSpec defaultServer() {
    Config server = DEFAULTS.getConfig("datacenter.server");
    return new ServerSpec(ServerRole.fromConfig(server.getString("role")), server.getInt("cores"),
        server.getInt("memory-gb"), DiskKind.fromConfig(server.getString("disk")), server.getDouble("nic-gbps"));
  }

}
