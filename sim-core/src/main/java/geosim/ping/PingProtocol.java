package geosim.ping;

/** Messages of a ping server. Servers are named by their index in the model, so messages are plain data. */
public sealed interface PingProtocol permits PingProtocol.SendPing, PingProtocol.Ping, PingProtocol.Pong {

  /** Timer: time to send the next ping. */
  record SendPing() implements PingProtocol {}

  /** A ping from server {@code fromServer}, sent at {@code sentAtNs}. */
  record Ping(int fromServer, long sentAtNs) implements PingProtocol {}

  /** The answer to a ping this server sent at {@code sentAtNs} to {@code toServer}. */
  record Pong(int toServer, long sentAtNs) implements PingProtocol {}
}
