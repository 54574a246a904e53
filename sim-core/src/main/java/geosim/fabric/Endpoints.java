package geosim.fabric;

import geosim.kernel.SimActor;
import geosim.topology.Placement;

/** Makes the application's actor for each server of the fabric. */
@FunctionalInterface
public interface Endpoints {
  /**
   * The actor of server {@code server}.
   *
   * @param fabric the network it is on (routes, servers, regions); fully usable from the actor's start
   * @param server its index in {@code Topology.servers()} (and {@link Fabric#serverPath})
   * @param placement where it is: region, data center, rack, hardware
   * @param nic its NIC's egress port, which it must start, use to send and update (see {@link Ports})
   */
  SimActor<FabricMessage> create(Fabric fabric, int server, Placement placement, Ports nic);
}
