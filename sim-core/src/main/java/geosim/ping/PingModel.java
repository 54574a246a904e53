package geosim.ping;

import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;

/**
 * The foundation's placeholder model: servers in regions ping each other over links with fixed
 * one-way latencies (half the configured round trip) and answer pings through a FIFO
 * single-server queue with exponential service times. Replaced by the real topology, network
 * and workload models in later issues.
 */
public final class PingModel {
  private PingModel() {}

  /** The lookahead this model guarantees when actors are grouped {@code by} this level. */
  public static long lookaheadNs(PingSettings settings, PartitionBy by) {
    return new PingTopology(settings).lookaheadNs(by);
  }

  /** Registers every server with {@code builder}; paths are {@code <region>/srv-<n>}. */
  public static void populate(PingSettings settings, Kernel.Builder builder) {
    PingTopology topology = new PingTopology(settings);
    for (int s = 0; s < topology.serverCount(); s++) {
      topology.register(s, builder.spawn(topology.path(s), new PingServer(topology, s)));
    }
  }
}
