package geosim.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the links of a topology, each cable as two directed {@link Link}s (there first, then
 * back), in a fixed order: per region in config order, its data centers' links (core-WAN router,
 * aggregation-core, ToR-aggregation per rack, server-ToR per server), then the inter-region
 * links in region-pair order. Bandwidths:
 *
 * <ul>
 *   <li>server-ToR: the server's NIC;
 *   <li>ToR-aggregation: the rack's {@link Rack#torUplinkGbpsTotal()} split evenly over the
 *       data center's aggregation switches (that is where oversubscription bites);
 *   <li>aggregation-core: {@link Fabric#coreLinkGbps()}; core-WAN router: {@link Fabric#wanUplink()};
 *   <li>between two regions' WAN routers: {@link Topology#wanLinkGbps()}, with half the
 *       measured round-trip time as one-way latency.
 * </ul>
 */
public final class TopologyLinks {
  private final List<Link> links = new ArrayList<>();

  private TopologyLinks() {}

  /** All links of {@code topology}, both directions, in the order described above. */
  public static List<Link> of(Topology topology) {
    TopologyLinks out = new TopologyLinks();
    for (Region region : topology.regions()) {
      for (DataCenter dc : region.dataCenters()) out.dataCenter(region.name(), dc);
    }
    List<Region> regions = topology.regions();
    for (int i = 0; i < regions.size(); i++) {
      for (int j = i + 1; j < regions.size(); j++) {
        String a = regions.get(i).name();
        String b = regions.get(j).name();
        out.cable(ActorPaths.wanRouter(a), ActorPaths.wanRouter(b),
            new LinkSpec(topology.rttNs(a, b) / 2, topology.wanLinkGbps()));
      }
    }
    return List.copyOf(out.links);
  }

  private void dataCenter(String region, DataCenter dc) {
    Fabric fabric = dc.fabric();
    String name = dc.name();
    for (int c = 1; c <= fabric.coreSwitches(); c++) {
      cable(ActorPaths.coreSwitch(region, name, c), ActorPaths.wanRouter(region), fabric.wanUplink());
    }
    LinkSpec core = new LinkSpec(fabric.linkLatencyNs(), fabric.coreLinkGbps());
    for (int a = 1; a <= fabric.aggregationSwitches(); a++) {
      for (int c = 1; c <= fabric.coreSwitches(); c++) {
        cable(ActorPaths.aggregationSwitch(region, name, a), ActorPaths.coreSwitch(region, name, c), core);
      }
    }
    for (Rack rack : dc.racks()) rack(region, name, fabric, rack);
  }

  private void rack(String region, String dataCenter, Fabric fabric, Rack rack) {
    String tor = ActorPaths.torSwitch(region, dataCenter, rack.name());
    LinkSpec uplink = new LinkSpec(fabric.linkLatencyNs(), rack.torUplinkGbpsTotal() / fabric.aggregationSwitches());
    for (int a = 1; a <= fabric.aggregationSwitches(); a++) {
      cable(tor, ActorPaths.aggregationSwitch(region, dataCenter, a), uplink);
    }
    for (Server server : rack.servers()) {
      String path = ActorPaths.server(region, dataCenter, rack.name(), server.name());
      cable(path, tor, new LinkSpec(fabric.linkLatencyNs(), server.spec().nicGbps()));
    }
  }

  private void cable(String from, String to, LinkSpec spec) {
    Link there = new Link(from, to, spec);
    links.add(there);
    links.add(there.reversed());
  }
}
