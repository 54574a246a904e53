package geosim.kernel;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/**
 * The check mode {@link Kernel#serializeCrossPartition}: every {@link EventBatch} between
 * partitions goes through Pekko's serialization (Jackson CBOR, as between the JVMs of a cluster)
 * and back before it is delivered, in one JVM. A model message that cannot cross JVMs, or comes
 * back behaving differently, then fails or changes the run here, where a test can see it.
 */
final class BatchWire {
  private final Serialization serialization;

  BatchWire(ActorSystem<?> system) {
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  /**
   * The batch as another JVM would receive it.
   *
   * @throws IllegalStateException naming the batch's message types when it cannot be serialized or read back
   */
  EventBatch roundTrip(EventBatch batch) {
    try {
      Serializer serializer = serialization.findSerializerFor(batch);
      byte[] bytes = serialization.serialize(batch).get();
      return (EventBatch) serialization.deserialize(bytes, serializer.identifier(),
          Serializers.manifestFor(serializer, batch)).get();
    } catch (Exception e) { // Scala's Try.get rethrows Jackson's checked exceptions too
      throw new IllegalStateException("events for partition " + batch.toPartition() + " (messages "
          + messageTypes(batch) + ") cannot cross JVMs: " + e, e);
    }
  }

  private static String messageTypes(EventBatch batch) {
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    for (Object m : batch.messages()) types.add(m == null ? "null" : m.getClass().getName());
    return String.join(", ", types);
  }
}
