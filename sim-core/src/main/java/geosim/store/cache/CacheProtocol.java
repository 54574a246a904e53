package geosim.store.cache;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import java.util.Objects;

/**
 * What a cache server is sent and answers (memcached's get, set and delete over the access hop),
 * and its own timers.
 */
public final class CacheProtocol {
  private CacheProtocol() {}

  /**
   * Look up {@code key} for part {@code tag} of an app server's call; answered with a {@link
   * GetResult} after {@code replyDelayNs}.
   */
  public record Get(ActorRef<FabricMessage> replyTo, long tag, long key, long replyDelayNs) implements FabricMessage {
    public Get {
      Objects.requireNonNull(replyTo, "replyTo");
      if (replyDelayNs < 0) throw new IllegalArgumentException("replyDelayNs must be >= 0, got " + replyDelayNs);
    }
  }

  /** The answer to {@link Get}: a hit, or a miss (also when the server refused the connection). */
  public record GetResult(long tag, boolean hit) implements FabricMessage {}

  /** Store {@code key} (after a miss read it from the store). Not answered. */
  public record Set(long key) implements FabricMessage {}

  /** Forget {@code key} (a write changed it in the store). Not answered. */
  public record Delete(long key) implements FabricMessage {}

  /** Timer: the server's process dies and loses its contents. */
  record Crashed(long downNs) implements FabricMessage {}

  /** Timer: the server accepts connections again. */
  record Restarted() implements FabricMessage {}
}
