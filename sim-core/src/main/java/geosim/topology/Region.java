package geosim.topology;

import java.util.List;

/**
 * A region: data centers near each other behind one WAN router ({@code <region>/wan}).
 *
 * @param name unique in the topology, matching {@link ElementName#PATTERN}
 * @param latitude degrees north, -90 to 90, for the map
 * @param longitude degrees east, -180 to 180, for the map
 * @param dataCenters at least one, unique names, in config order
 */
public record Region(String name, double latitude, double longitude, List<DataCenter> dataCenters) {
  public Region {
    ElementName.check("name", name);
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude must be between -90 and 90, got " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude must be between -180 and 180, got " + longitude);
    }
    dataCenters = ElementName.checkNotEmpty("dataCenters", dataCenters);
    ElementName.checkUnique("data center", dataCenters, DataCenter::name);
  }

  /** Number of servers in all data centers. */
  public int serverCount() {
    int count = 0;
    for (DataCenter dc : dataCenters) count += dc.serverCount();
    return count;
  }
}
