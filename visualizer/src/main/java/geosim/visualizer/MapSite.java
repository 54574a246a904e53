package geosim.visualizer;

import java.util.List;

/**
 * A region as the map draws it: where it is and what it holds.
 *
 * @param name the region's name, the scope of its metrics ({@code cpu.<name>.utilization-ppm})
 * @param latitude degrees north
 * @param longitude degrees east
 * @param located false when the scenario gives no coordinates and none are known for the name
 *     (the map then places it in a row and says so)
 * @param dataCenters its data centers; empty when the model has no topology (the ping model)
 * @param servers number of servers in the region
 */
record MapSite(String name, double latitude, double longitude, boolean located,
    List<DataCenterSite> dataCenters, int servers) {

  MapSite {
    dataCenters = List.copyOf(dataCenters);
  }

  /** A data center: its racks' server counts in config order. */
  record DataCenterSite(String name, List<RackSite> racks) {
    DataCenterSite {
      racks = List.copyOf(racks);
    }
  }

  /** A rack: its name and the names of its servers. */
  record RackSite(String name, List<String> servers) {
    RackSite {
      servers = List.copyOf(servers);
    }
  }
}
