package geosim.netping;

import geosim.fabric.FabricMessage;
import geosim.fabric.FramePayload;

/**
 * Messages of the netping servers: {@link Ping}s travel in frames over the fabric; {@link
 * SendPing} and {@link Reply} are a server's own timers. Servers are named by their index in
 * {@code Topology.servers()}.
 */
public final class NetpingProtocol {
  private NetpingProtocol() {}

  /** Timer: time for a server to send its next ping. */
  public record SendPing() implements FabricMessage {}

  /** Timer: the server's CPU has finished handling {@code ping}; time to send the pong. */
  public record Reply(Ping ping) implements FabricMessage {
    public Reply {
      if (ping == null) throw new IllegalArgumentException("ping must not be null");
    }
  }

  /**
   * A ping or its pong.
   *
   * @param fromServer index of the server that sent the ping, >= 0
   * @param toServer index of the server that answers it, >= 0
   * @param flowId ECMP flow id of the exchange; the pong uses it too
   * @param sentAtNs virtual time the ping left its server, ns, >= 0
   * @param pong false for the ping, true for its answer
   */
  public record Ping(int fromServer, int toServer, long flowId, long sentAtNs, boolean pong) implements FramePayload {
    public Ping {
      if (fromServer < 0 || toServer < 0) {
        throw new IllegalArgumentException("server indices must be >= 0, got " + fromServer + ", " + toServer);
      }
      if (sentAtNs < 0) throw new IllegalArgumentException("sentAtNs must be >= 0, got " + sentAtNs);
    }

    /** The answer to this ping. */
    Ping answer() {
      return new Ping(fromServer, toServer, flowId, sentAtNs, true);
    }
  }
}
