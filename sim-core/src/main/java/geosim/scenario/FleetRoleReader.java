package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.elastic.AutoscalerSettings;
import geosim.fleet.FleetRole;
import geosim.node.Cpu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fleet's roles: {@code fleet.roles}, a list of {@code { name, kind, service-time, cores,
 * timeout, latency-target, wait-target, servers, spawned-by, probability, autoscaler }}. A key a
 * role leaves out takes the {@code fleet} block's value ({@code autoscaler} is merged key by key
 * over {@code fleet.autoscaler}); {@code servers} left out takes each region's {@code servers}. A
 * role without {@code spawned-by} takes the region's arrivals; one with {@code spawned-by = r}
 * takes {@code probability} times role r's, and r must be listed before it (so shares never form
 * a cycle). Jobs ({@code kind = job}) have a {@code wait-target} and no timeout; requests have a
 * {@code latency-target} and a {@code timeout}: the other key is reported where it is written.
 */
final class FleetRoleReader {
  static final String AT = "fleet.roles";
  private static final Set<String> KEYS = Set.of("name", "kind", "service-time", "cores", "timeout", "latency-target",
      "wait-target", "servers", "spawned-by", "probability", "autoscaler");
  private static final String EXAMPLE = "{ name = render, kind = job, service-time = 5m, spawned-by = web, probability = 0.003 }";
  private static final String KINDS = "request|job";
  /** A role named so would make metrics {@code server.*}, the per-server metrics of the store model. */
  private static final Pattern RESERVED = Pattern.compile("server");

  private final ValueReader reader;
  private final Problems problems;
  private final ConfigValue autoscalerBlock;
  private final Long serviceNs;
  private final Long cores;
  private final Long timeoutNs;
  private final Long latencyTargetNs;
  private final Long waitTargetNs;
  private final AutoscalerSettings autoscaler;

  /** Reads the {@code fleet} block's own role keys, the defaults of every role. */
  FleetRoleReader(ValueReader reader, Problems problems, ConfigValue fleet) {
    this.reader = reader;
    this.problems = problems;
    String at = FleetReader.BLOCK;
    serviceNs = reader.durationNsAt(fleet, at, "service-time", false);
    cores = reader.integerAt(fleet, at, "cores", 1, Cpu.CORES_MAX);
    timeoutNs = reader.durationNsAt(fleet, at, "timeout", false);
    latencyTargetNs = reader.durationNsAt(fleet, at, "latency-target", false);
    waitTargetNs = reader.durationNsAt(fleet, at, "wait-target", false);
    autoscalerBlock = reader.child(fleet, at, "autoscaler");
    autoscaler = new AutoscalerReader(reader, problems).read(autoscalerBlock);
  }

  /** The role of a fleet without {@code fleet.roles}, or null when a default is bad (reported). */
  FleetRole defaultRole() {
    if (serviceNs == null || cores == null || timeoutNs == null || latencyTargetNs == null || waitTargetNs == null
        || autoscaler == null) {
      return null;
    }
    return new FleetRole(FleetRole.DEFAULT_NAME, FleetRole.Kind.REQUEST, serviceNs, cores.intValue(), timeoutNs,
        latencyTargetNs, 1, FleetRole.REGION_SERVERS, autoscaler);
  }

  /** The listed roles (empty when none is), or null after reporting problems. */
  List<FleetRole> roles(ConfigValue list) {
    int before = problems.count();
    List<FleetRole> roles = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    TopologyValues values = new TopologyValues(reader, problems);
    values.eachObject(list, AT, EXAMPLE, KEYS, (at, o) -> {
      String name = values.name(o, at, "the store model's per-server metrics", RESERVED);
      boolean unique = name != null && values.unique(seen, name, o, at, "role");
      FleetRole role = role(name, at, o, shares);
      if (!unique || role == null) return;
      shares.put(name, role.arrivalShare());
      roles.add(role);
    });
    return problems.count() != before ? null : roles;
  }

  private FleetRole role(String name, String at, ConfigObject o, Map<String, Double> shares) {
    int before = problems.count();
    FleetRole.Kind kind = kind(o, at);
    Long service = o.containsKey("service-time") ? reader.durationNsAt(o, at, "service-time", false) : serviceNs;
    Long c = o.containsKey("cores") ? reader.integerAt(o, at, "cores", 1, Cpu.CORES_MAX) : cores;
    Long servers = o.containsKey("servers")
        ? reader.integerAt(o, at, "servers", 0, AutoscalerReader.SERVERS_MAX) : Long.valueOf(FleetRole.REGION_SERVERS);
    boolean jobs = kind == FleetRole.Kind.JOB;
    Long timeout = jobs ? misplaced(o, at, "timeout", "a job waits until it is served; timeout is for kind = request")
        : own(o, at, "timeout", timeoutNs);
    Long target = jobs ? own(o, at, "wait-target", waitTargetNs) : own(o, at, "latency-target", latencyTargetNs);
    if (jobs) misplaced(o, at, "latency-target", "a job is measured by its queue wait: use wait-target");
    if (kind == FleetRole.Kind.REQUEST) misplaced(o, at, "wait-target", "a request is measured by its response time: use latency-target");
    Double share = share(o, at, shares);
    AutoscalerSettings a = o.containsKey("autoscaler") ? autoscaler(o, at) : autoscaler;
    if (problems.count() != before || name == null || kind == null || service == null || c == null || target == null
        || autoscaler == null || a == null) {
      return null;
    }
    return new FleetRole(name, kind, service, c.intValue(), jobs ? FleetRole.NO_TIMEOUT : timeout, target, share,
        servers.intValue(), a);
  }

  private FleetRole.Kind kind(ConfigObject o, String at) {
    if (!o.containsKey("kind")) return FleetRole.Kind.REQUEST;
    ConfigValue value = reader.child(o, at, "kind");
    String name = reader.string(path(at, "kind"), value);
    if (name == null) return null;
    for (FleetRole.Kind k : FleetRole.Kind.values()) if (k.configName().equals(name)) return k;
    problems.at(value, path(at, "kind"), "expected one of " + KINDS + ", got '" + name + "'");
    return null;
  }

  /** The role's own duration {@code key} (> 0), or the fleet's when it has none. */
  private Long own(ConfigObject o, String at, String key, Long fleetValue) {
    return o.containsKey(key) ? reader.durationNsAt(o, at, key, false) : fleetValue;
  }

  /** Reports {@code key} as out of place when the role has it; null either way. */
  private Long misplaced(ConfigObject o, String at, String key, String why) {
    if (o.containsKey(key)) problems.at(o.get(key), path(at, key), why);
    return null;
  }

  /** The role's share of the region's arrivals: 1, or probability times the spawning role's share. */
  private Double share(ConfigObject o, String at, Map<String, Double> shares) {
    if (!o.containsKey("spawned-by")) {
      misplaced(o, at, "probability", "a probability needs spawned-by, the role whose requests spawn this one's");
      return 1.0;
    }
    ConfigValue value = reader.child(o, at, "spawned-by");
    String by = reader.string(path(at, "spawned-by"), value);
    Double p = o.containsKey("probability") ? reader.decimalAt(o, at, "probability", 0, 1) : Double.valueOf(1);
    if (by == null || p == null) return null;
    Double spawning = shares.get(by);
    if (spawning == null) {
      problems.at(value, path(at, "spawned-by"), "unknown role '" + by + "': expected a role listed before this one"
          + (shares.isEmpty() ? " (none is)" : ", one of " + String.join("|", shares.keySet())));
      return null;
    }
    return p * spawning;
  }

  /** The role's autoscaler block merged over {@code fleet.autoscaler}, or null after a problem. */
  private AutoscalerSettings autoscaler(ConfigObject o, String at) {
    ConfigValue value = reader.child(o, at, "autoscaler");
    String here = path(at, "autoscaler");
    if (!(value instanceof ConfigObject own)) {
      problems.at(value, here, "expected a block of settings { ... } such as { min = 5, max = 500 }, got '"
          + Problems.shown(value) + "'");
      return null;
    }
    UnknownKeys.checkElement(own, here, AutoscalerReader.KEYS, problems);
    if (!(autoscalerBlock instanceof ConfigObject fleetBlock) || autoscaler == null) return null; // reported already
    return new AutoscalerReader(reader, problems, here).read(own.withFallback(fleetBlock));
  }
}
