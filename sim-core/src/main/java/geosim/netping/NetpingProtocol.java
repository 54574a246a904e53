package geosim.netping;

import geosim.network.Route;
import java.util.Objects;

/**
 * Messages of the netping actors: servers get {@link SendPing} and {@link Reply} timers and
 * {@link Packet}s, switches {@link Packet}s; both get {@link LinkChangesDue} timers. Servers are
 * named by their index in {@code Topology.servers()}.
 */
public sealed interface NetpingProtocol
    permits NetpingProtocol.SendPing, NetpingProtocol.Reply, NetpingProtocol.LinkChangesDue, NetpingProtocol.Packet {

  /** Timer: time for a server to send its next ping. */
  record SendPing() implements NetpingProtocol {}

  /** Timer: the server's CPU has finished handling {@code ping}; time to send the pong. */
  record Reply(Packet ping) implements NetpingProtocol {
    public Reply {
      Objects.requireNonNull(ping, "ping");
    }
  }

  /** Timer: a change of the link schedule (background rate, cut) is due on one of the actor's ports. */
  record LinkChangesDue() implements NetpingProtocol {}

  /**
   * A ping or pong on its way: it sits at the sending end of hop {@code hop} of {@code route}
   * (or has arrived when {@code hop == route.hops().size()}).
   *
   * @param fromServer index of the server that sent the ping, >= 0
   * @param toServer index of the server that answers it, >= 0
   * @param flowId ECMP flow id of the exchange; the pong uses it too
   * @param sentAtNs virtual time the ping left its server, ns, >= 0
   * @param pong false for the ping, true for its answer
   * @param route the way this message takes
   * @param hop index of the next hop to take, 0 to the number of hops
   */
  record Packet(int fromServer, int toServer, long flowId, long sentAtNs, boolean pong, Route route, int hop)
      implements NetpingProtocol {
    public Packet {
      Objects.requireNonNull(route, "route");
      if (fromServer < 0 || toServer < 0) {
        throw new IllegalArgumentException("server indices must be >= 0, got " + fromServer + ", " + toServer);
      }
      if (sentAtNs < 0) throw new IllegalArgumentException("sentAtNs must be >= 0, got " + sentAtNs);
      if (hop < 0 || hop > route.hops().size()) {
        throw new IllegalArgumentException("hop must be between 0 and " + route.hops().size() + ", got " + hop);
      }
    }

    /** True once the message is at the end of its route. */
    boolean arrived() {
      return hop == route.hops().size();
    }

    /** The same message one hop further. */
    Packet next() {
      return new Packet(fromServer, toServer, flowId, sentAtNs, pong, route, hop + 1);
    }
  }
}
