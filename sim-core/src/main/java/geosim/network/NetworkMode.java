package geosim.network;

import java.util.Locale;

/**
 * How the fabric carries a message from one server to another ({@code network.mode}).
 *
 * <ul>
 *   <li>{@link #HOPS}: hop by hop through switch actors, each egress port queueing (FIFO, tail
 *       drop) and serializing it at the residual rate, then propagation; one event per hop.
 *   <li>{@link #PATHS}: one event per message. The sender's NIC port queues and serializes it as
 *       in {@code HOPS}; every further link of its route adds its propagation and the message's
 *       serialization at the link's residual rate at the send time ({@link PathTimes}), with no
 *       queueing inside the network. A route crossing a link cut at the send time loses it.
 * </ul>
 *
 * With empty queues and no schedule change in flight, both give the same delivery time.
 */
public enum NetworkMode {
  HOPS,
  PATHS;

  /** The name in scenario files: {@code hops}, {@code paths}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
