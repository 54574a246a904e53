package geosim.fabric;

import geosim.network.Route;
import java.util.Objects;

/**
 * A message on its way from one server to another: it sits at the sending end of hop {@code
 * hop} of {@code route}, or has arrived when {@code hop == route.hops().size()}.
 *
 * @param route the way it takes (its flow id chose the ECMP path)
 * @param hop index of the next hop to take, 0 to the number of hops
 * @param sizeBytes size on the wire, bytes, 1 to {@value #SIZE_BYTES_MAX}; one unit however
 *     large (not split into packets)
 * @param payload what the application sends
 */
public record Frame(Route route, int hop, long sizeBytes, FramePayload payload) implements FabricMessage {
  /** Largest frame: 1 GiB. Assumption: far beyond any single message, small enough never to overflow bits. */
  public static final long SIZE_BYTES_MAX = 1L << 30;

  public Frame {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(payload, "payload");
    if (hop < 0 || hop > route.hops().size()) {
      throw new IllegalArgumentException("hop must be between 0 and " + route.hops().size() + ", got " + hop);
    }
    if (sizeBytes < 1 || sizeBytes > SIZE_BYTES_MAX) {
      throw new IllegalArgumentException("sizeBytes must be between 1 and " + SIZE_BYTES_MAX + ", got " + sizeBytes);
    }
  }

  /** A new frame at its first hop. */
  public static Frame start(Route route, long sizeBytes, FramePayload payload) {
    return new Frame(route, 0, sizeBytes, payload);
  }

  /** True once the frame is at the end of its route. */
  public boolean arrived() {
    return hop == route.hops().size();
  }

  /** The same frame one hop further. */
  Frame next() {
    return new Frame(route, hop + 1, sizeBytes, payload);
  }

  /** The same frame at the end of its route (paths mode: it crosses the network in one step). */
  Frame atEnd() {
    return new Frame(route, route.hops().size(), sizeBytes, payload);
  }
}
