package geosim.visualizer;

import geosim.ping.PingRegion;
import geosim.scenario.ModelKind;
import geosim.scenario.ScenarioSettings;
import geosim.topology.DataCenter;
import geosim.topology.Rack;
import geosim.topology.Region;
import geosim.topology.Server;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The regions of a scenario for the map: from its topology when the model has one (coordinates,
 * data centers, racks, servers as configured), else from the ping model's region names, placed at
 * the city of the cloud region of the same name when it is a well-known one. Models without
 * geography (queue, ring, pbs) have no sites.
 */
final class MapSites {
  /**
   * Where common region names are: the metro of the AWS region of that name (us-east = N.
   * Virginia, us-west = N. California, eu-west = Ireland, ...), as in
   * configs/topologies/three-regions.conf and global-6.conf. Assumption for names without a
   * topology: a ping scenario's {@code us-east} means the same place.
   */
  private static final Map<String, double[]> KNOWN = Map.of(
      "us-east", new double[] {39.04, -77.49},
      "us-west", new double[] {37.34, -121.89},
      "eu-west", new double[] {53.35, -6.26},
      "eu-central", new double[] {50.11, 8.68},
      "ap-northeast", new double[] {35.68, 139.69},
      "ap-southeast", new double[] {1.35, 103.82},
      "sa-east", new double[] {-23.55, -46.63},
      "ap-south", new double[] {19.08, 72.88});

  private MapSites() {}

  /** Every pair of distinct regions with its round-trip time, in region order. */
  static List<MapLink> links(ScenarioSettings scenario) {
    List<MapLink> links = new ArrayList<>();
    List<MapSite> sites = of(scenario);
    for (int i = 0; i < sites.size(); i++) {
      for (int j = i + 1; j < sites.size(); j++) {
        String a = sites.get(i).name();
        String b = sites.get(j).name();
        long rttNs = scenario.topology() != null ? scenario.topology().rttNs(a, b) : scenario.ping().rttNs(a, b);
        links.add(new MapLink(a, b, rttNs / 1e6));
      }
    }
    return links;
  }

  static List<MapSite> of(ScenarioSettings scenario) {
    if (scenario.topology() != null) return of(scenario.topology());
    if (scenario.model() != ModelKind.PING) return List.of(); // queue, ring, pbs: no geography
    List<MapSite> sites = new ArrayList<>();
    List<PingRegion> regions = scenario.ping().regions();
    for (int i = 0; i < regions.size(); i++) {
      PingRegion r = regions.get(i);
      double[] at = KNOWN.get(r.name());
      sites.add(at != null
          ? new MapSite(r.name(), at[0], at[1], true, List.of(), r.servers())
          : new MapSite(r.name(), -50, -150 + 40 * i, false, List.of(), r.servers()));
    }
    return sites;
  }

  static List<MapSite> of(Topology topology) {
    List<MapSite> sites = new ArrayList<>();
    for (Region region : topology.regions()) {
      List<MapSite.DataCenterSite> dcs = new ArrayList<>();
      for (DataCenter dc : region.dataCenters()) {
        List<MapSite.RackSite> racks = new ArrayList<>();
        for (Rack rack : dc.racks()) {
          racks.add(new MapSite.RackSite(rack.name(), rack.servers().stream().map(Server::name).toList()));
        }
        dcs.add(new MapSite.DataCenterSite(dc.name(), racks));
      }
      sites.add(new MapSite(region.name(), region.latitude(), region.longitude(), true, dcs, region.serverCount()));
    }
    return sites;
  }
}
