package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.store.node.MembershipSettings;
import geosim.store.ring.Membership;
import geosim.store.ring.NetworkTopologyStrategy;
import geosim.store.ring.ReplicationStrategy;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code store.membership} into {@link MembershipSettings}: {@code ring-delay} and {@code
 * changes}, a list of {@code { at, kind = bootstrap|decommission, server }}. With the topology
 * known it checks the servers exist, each changes once, and every version of the ring keeps
 * enough servers for the replication factors (the change that breaks it is named).
 */
final class MembershipReader {
  private static final String AT = "store.membership";
  private static final String EXAMPLE = "{ at = 60s, kind = bootstrap, server = us-east/use1-a/rack-1/srv-1 }";
  private static final Set<String> ELEMENT_KEYS = Set.of("at", "kind", "server");

  private final ValueReader reader;
  private final Problems problems;

  MembershipReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /**
   * The settings, or null when any problem was reported.
   *
   * @param topology the run's topology, or null when the servers cannot be checked
   * @param strategy the replication strategy, or null when it had problems (then versions are not checked)
   */
  MembershipSettings read(ConfigValue membership, Topology topology, ReplicationStrategy strategy) {
    int before = problems.count();
    Long ringDelay = reader.durationNsAt(membership, AT, "ring-delay", true);
    List<MembershipSettings.Step> steps = new ArrayList<>();
    List<ConfigObject> sources = new ArrayList<>();
    Set<String> servers = new TreeSet<>();
    String listPath = path(AT, "changes");
    new TopologyValues(reader, problems).eachObject(reader.child(membership, AT, "changes"), listPath, EXAMPLE,
        ELEMENT_KEYS, (at, o) -> {
          Long start = reader.durationNsAt(o, at, "at", true);
          String kindText = reader.stringAt(o, at, "kind");
          String server = reader.stringAt(o, at, "server");
          Membership.Kind kind = kindText == null ? null : Membership.Kind.fromConfig(kindText);
          if (kindText != null && kind == null) {
            problems.at(o.get("kind"), path(at, "kind"), "expected bootstrap or decommission, got '" + kindText + "'");
          }
          if (server != null && topology != null && topology.server(server).isEmpty()) {
            problems.at(o.get("server"), path(at, "server"), "no server '" + server + "' in the topology (a server's"
                + " path is region/datacenter/rack/server, e.g. " + topology.servers().get(0).path() + ")");
            return;
          }
          if (server != null && !servers.add(server)) {
            problems.at(o.get("server"), path(at, "server"), "server '" + server
                + "' changes twice; a server joins or leaves at most once in a run");
            return;
          }
          if (start == null || kind == null || server == null) return;
          steps.add(new MembershipSettings.Step(start, kind, server));
          sources.add(o);
        });
    if (problems.count() != before) return null;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) order.add(i);
    order.sort(Comparator.comparingLong((Integer i) -> steps.get(i).atNs()).thenComparing(i -> i));
    List<MembershipSettings.Step> sorted = new ArrayList<>();
    for (int i : order) sorted.add(steps.get(i));
    if (topology != null && strategy != null) checkVersions(topology, strategy, sorted, order, sources);
    if (problems.count() != before) return null;
    return new MembershipSettings(ringDelay, sorted);
  }

  /** Every version of the ring must keep at least rf servers (per region under NTS). */
  private void checkVersions(Topology topology, ReplicationStrategy strategy, List<MembershipSettings.Step> steps,
      List<Integer> order, List<ConfigObject> sources) {
    Map<String, Boolean> member = new TreeMap<>();
    for (Placement p : topology.servers()) member.put(p.path(), true);
    for (MembershipSettings.Step step : steps) {
      if (step.kind() == Membership.Kind.BOOTSTRAP) member.put(step.server(), false);
    }
    String shortfall = shortfall(topology, strategy, member);
    if (shortfall != null) {
      problems.at(sources.get(order.get(0)), path(AT, "changes"), "before the first change " + shortfall
          + " (servers that bootstrap are not on the ring until they have joined)");
      return;
    }
    for (int k = 0; k < steps.size(); k++) {
      MembershipSettings.Step step = steps.get(k);
      member.put(step.server(), step.kind() == Membership.Kind.BOOTSTRAP);
      shortfall = shortfall(topology, strategy, member);
      if (shortfall != null) {
        int i = order.get(k);
        problems.at(sources.get(i), path(AT, "changes") + "[" + i + "]", "after this " + step.kind().configName()
            + " of " + step.server() + " " + shortfall);
        return;
      }
    }
  }

  /** What is short ("region eu-west has 1 server on the ring, fewer than its replication factor 2"), or null. */
  private static String shortfall(Topology topology, ReplicationStrategy strategy, Map<String, Boolean> member) {
    Map<String, Integer> byRegion = new TreeMap<>();
    int total = 0;
    for (Placement p : topology.servers()) {
      if (!member.get(p.path())) continue;
      total++;
      byRegion.merge(p.region().name(), 1, Integer::sum);
    }
    if (strategy instanceof NetworkTopologyStrategy nts) {
      for (Map.Entry<String, Integer> e : nts.rfByRegion().entrySet()) {
        int have = byRegion.getOrDefault(e.getKey(), 0);
        if (have < e.getValue()) {
          return "region " + e.getKey() + " has " + have + " servers on the ring, fewer than its replication factor "
              + e.getValue();
        }
      }
      return null;
    }
    int rf = strategy.replicationFactor();
    return total < rf ? "the ring has " + total + " servers, fewer than the replication factor " + rf : null;
  }
}
