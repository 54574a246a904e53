package geosim.topology;

import java.util.List;
import java.util.Objects;

/**
 * A data center or availability zone of a region.
 *
 * @param name unique within its region, matching {@link ElementName#PATTERN}, not {@code wan}
 * @param pue power usage effectiveness: facility power / IT power, 1 to {@value #PUE_MAX}
 * @param fabric its switches and links
 * @param racks at least one, unique names, in config order
 */
public record DataCenter(String name, double pue, Fabric fabric, List<Rack> racks) {
  /** Highest PUE. Assumption: twice the worst averages the Uptime Institute surveys report (~2.5 in 2007). */
  public static final double PUE_MAX = 5;

  public DataCenter {
    ElementName.check("name", name);
    if (name.equals(ElementName.WAN_ROUTER)) {
      throw new IllegalArgumentException("name 'wan' is the region's router, choose another");
    }
    if (!(pue >= 1 && pue <= PUE_MAX)) {
      throw new IllegalArgumentException("pue must be between 1 and 5, got " + pue);
    }
    Objects.requireNonNull(fabric, "fabric");
    racks = ElementName.checkNotEmpty("racks", racks);
    ElementName.checkUnique("rack", racks, Rack::name);
  }

  /** Number of servers in all racks. */
  public int serverCount() {
    int count = 0;
    for (Rack rack : racks) count += rack.servers().size();
    return count;
  }
}
