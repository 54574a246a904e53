package geosim.network;

import geosim.topology.Link;

/**
 * Default sizes of the network model; see {@code docs/model.md}, section Network, for the sources.
 *
 * @param mtuBytes largest frame payload, bytes, 68 to 65,535 ({@link #CITED}: 1500, Ethernet [1])
 * @param serverBufferBytes egress queue of a server's NIC, bytes, >= 0 ({@link #CITED}: Linux's
 *     default transmit queue of 1000 packets [2] of one MTU each)
 * @param switchBufferBytes what one egress port of a ToR, aggregation or core switch may queue,
 *     bytes, >= 0 ({@link #CITED}: half the 12 MB shared buffer of a Broadcom Trident II switch
 *     [3], the share a dynamic threshold with alpha = 1 gives one congested port [4])
 * @param wanBufferBytes what one egress port of a WAN router may queue, bytes, >= 0
 *     ({@link #CITED}: assumption, 1 GiB, about the bandwidth-delay product [5] of 100 Gbit/s
 *     over an 80 ms trans-Atlantic round trip)
 *
 * <p>[1] IEEE 802.3 / RFC 894: 1500-byte Ethernet payload. <br>
 * [2] Linux {@code ip-link(8)}: {@code txqueuelen}, 1000 by default for Ethernet devices. <br>
 * [3] Arista 7050X series data sheet (Trident II): 12 MB of shared packet memory, up to 6.7 MB
 * of it for one port (Dynamic Buffer Allocation). <br>
 * [4] A. K. Choudhury, E. L. Hahne, "Dynamic queue length thresholds for shared-memory packet
 * switches", IEEE/ACM ToN 6(2), 1998. <br>
 * [5] C. Villamizar, C. Song, "High performance TCP in ANSNET", ACM CCR 24(5), 1994 (buffer =
 * RTT x bandwidth).
 */
public record NetworkDefaults(int mtuBytes, long serverBufferBytes, long switchBufferBytes, long wanBufferBytes) {
  /**
   * One-way propagation in optical fibre, ns per km: light travels at c / n with n about 1.47
   * in silica fibre (ITU-T G.652), about 2/3 c, so 4.9 us/km; rounded to 5 us/km.
   */
  public static final long PROPAGATION_NS_PER_KM = 5_000;

  /** The sourced defaults. */
  public static final NetworkDefaults CITED = new NetworkDefaults(1500, 1000L * 1500, 6_000_000, 1L << 30);

  public NetworkDefaults {
    if (mtuBytes < 68 || mtuBytes > 65_535) {
      throw new IllegalArgumentException("mtuBytes must be between 68 and 65535, got " + mtuBytes);
    }
    checkBuffer("serverBufferBytes", serverBufferBytes);
    checkBuffer("switchBufferBytes", switchBufferBytes);
    checkBuffer("wanBufferBytes", wanBufferBytes);
  }

  /** One-way propagation delay of {@code fibreKm} of fibre, ns; {@code fibreKm} >= 0 and finite. */
  public static long propagationNs(double fibreKm) {
    if (!(fibreKm >= 0 && Double.isFinite(fibreKm))) {
      throw new IllegalArgumentException("fibreKm must be >= 0 and finite, got " + fibreKm);
    }
    return Math.round(fibreKm * PROPAGATION_NS_PER_KM);
  }

  /**
   * The egress buffer of {@code link}'s sending end: a WAN router's, a server NIC's, or else a
   * data-center switch's (ToR, aggregation, core).
   */
  public long bufferBytesFor(Link link) {
    return switch (NodeKind.of(link.from())) {
      case WAN -> wanBufferBytes;
      case SERVER -> serverBufferBytes;
      default -> switchBufferBytes;
    };
  }

  /** A port for {@code link} with the buffer of its sending end. */
  public EgressPort portFor(Link link) {
    return EgressPort.of(link.spec(), bufferBytesFor(link));
  }

  private static void checkBuffer(String what, long bytes) {
    if (bytes < 0) throw new IllegalArgumentException(what + " must be >= 0, got " + bytes);
  }
}
