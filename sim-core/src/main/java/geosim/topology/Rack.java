package geosim.topology;

import java.util.List;

/**
 * A rack: one power domain whose servers hang off one top-of-rack (ToR) switch. The ToR's
 * uplinks carry {@code 1 / oversubscription} of what its servers' NICs could send at once, the
 * usual way a tree network saves money [1].
 *
 * <p>[1] M. Al-Fares, A. Loukissas, A. Vahdat, "A scalable, commodity data center network
 * architecture", SIGCOMM 2008, section 2.1: typical designs are oversubscribed 2.5:1 to 8:1.
 *
 * @param name unique within its data center, matching {@link ElementName#PATTERN}, not a switch
 *     name ({@code core-N}, {@code agg-N})
 * @param torUplinkOversubscription servers' NIC capacity divided by the ToR's uplink capacity,
 *     1 (none) to {@value #OVERSUBSCRIPTION_MAX}
 * @param servers at least one, unique names, in config order
 */
public record Rack(String name, double torUplinkOversubscription, List<Server> servers) {
  /** Largest oversubscription. Assumption: well past the 1:80-1:240 VL2 reports at the top of a tree. */
  public static final double OVERSUBSCRIPTION_MAX = 1_000;

  public Rack {
    ElementName.check("name", name);
    if (ElementName.DATA_CENTER_SWITCH.matcher(name).matches()) {
      throw new IllegalArgumentException("name '" + name + "' is a switch of the data center, choose another");
    }
    if (!(torUplinkOversubscription >= 1 && torUplinkOversubscription <= OVERSUBSCRIPTION_MAX)) {
      throw new IllegalArgumentException(
          "torUplinkOversubscription must be between 1 and 1000, got " + torUplinkOversubscription);
    }
    servers = ElementName.checkNotEmpty("servers", servers);
    ElementName.checkUnique("server", servers, Server::name);
  }

  /** Sum of the servers' NIC bandwidths, Gbit/s: what the ToR's server ports carry at most. */
  public double serverNicGbpsTotal() {
    double total = 0;
    for (Server server : servers) total += server.spec().nicGbps();
    return total;
  }

  /** Capacity of all ToR uplinks together, Gbit/s: {@link #serverNicGbpsTotal} / oversubscription. */
  public double torUplinkGbpsTotal() {
    return serverNicGbpsTotal() / torUplinkOversubscription;
  }
}
