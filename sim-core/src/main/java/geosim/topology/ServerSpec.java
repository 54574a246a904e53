package geosim.topology;

import java.util.Objects;

/**
 * The hardware and role of a server. Generated servers share one instance, which keeps a
 * 100,000-server topology small.
 *
 * @param role what the server does
 * @param cores CPU cores, 1 to {@value #CORES_MAX}
 * @param memoryGb memory in GiB, 1 to {@value #MEMORY_GB_MAX}
 * @param disk disk kind
 * @param nicGbps NIC bandwidth in Gbit/s, > 0 and at most {@value #NIC_GBPS_MAX}
 */
public record ServerSpec(ServerRole role, int cores, int memoryGb, DiskKind disk, double nicGbps) {
  /** Most cores a server may have. Assumption: above any two-socket server sold today. */
  public static final int CORES_MAX = 1024;
  /** Most memory a server may have, GiB. Assumption: 64 TiB, above any single server. */
  public static final int MEMORY_GB_MAX = 65_536;
  /** Fastest NIC, Gbit/s. Assumption: above the 800 Gbit/s NICs now shipping. */
  public static final double NIC_GBPS_MAX = 1_000;

  public ServerSpec {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(disk, "disk");
    if (cores < 1 || cores > CORES_MAX) {
      throw new IllegalArgumentException("cores must be between 1 and " + CORES_MAX + ", got " + cores);
    }
    if (memoryGb < 1 || memoryGb > MEMORY_GB_MAX) {
      throw new IllegalArgumentException(
          "memoryGb must be between 1 and " + MEMORY_GB_MAX + ", got " + memoryGb);
    }
    if (!(nicGbps > 0 && nicGbps <= NIC_GBPS_MAX)) {
      throw new IllegalArgumentException("nicGbps must be > 0 and <= 1000, got " + nicGbps);
    }
  }
}
