package geosim.store.objects;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorRef;
import java.util.Objects;

/** What an object store is sent (S3's GET and PUT of a whole object) and answers. */
public final class ObjectStoreProtocol {
  private ObjectStoreProtocol() {}

  /**
   * Get ({@code put} false) or put object {@code key} for part {@code tag} of an app server's call;
   * answered with {@link Done} after the call's time plus {@code replyDelayNs}.
   */
  public record Call(ActorRef<FabricMessage> replyTo, long tag, long key, boolean put, long replyDelayNs)
      implements FabricMessage {
    public Call {
      Objects.requireNonNull(replyTo, "replyTo");
      if (replyDelayNs < 0) throw new IllegalArgumentException("replyDelayNs must be >= 0, got " + replyDelayNs);
    }
  }

  /** The answer to {@link Call}. */
  public record Done(long tag) implements FabricMessage {}
}
