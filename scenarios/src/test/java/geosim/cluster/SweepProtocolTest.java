package geosim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every record of the sweep and run protocols crosses JVMs: each must carry the {@link
 * ClusterMessage} marker, be bound to Jackson CBOR by {@code geosim-cluster.conf}, and survive a
 * round trip; so must the kernel's messages between a run's coordinator and its partitions; Java
 * serialization must be off, so an unmarked message fails instead of silently using it.
 */
class SweepProtocolTest {
  private static final AtomicInteger REFS = new AtomicInteger();
  private static ActorSystem<Void> system;
  private static Serialization serialization;

  @BeforeAll
  static void start() {
    // The members' own config, with the local provider: serialization is the same, no network.
    var config = ConfigFactory.parseString("pekko.actor.provider = local")
        .withFallback(ClusterNode.config("worker", new ClusterNode.Endpoint("127.0.0.1", 0, "127.0.0.1", 1)));
    system = ActorSystem.create(Behaviors.empty(), "protocol-test", config);
    serialization = SerializationExtension.get(Adapter.toClassic(system));
  }

  @AfterAll
  static void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  private static List<Class<?>> messages() {
    return java.util.stream.Stream.of(SweepProtocol.class, RunProtocol.class)
        .flatMap(p -> Arrays.stream(p.getDeclaredClasses())).filter(Class::isRecord).toList();
  }

  @Test
  void theProtocolHasMessagesForBothDirections() {
    assertTrue(messages().stream().anyMatch(SweepProtocol.DriverCommand.class::isAssignableFrom));
    assertTrue(messages().stream().anyMatch(SweepProtocol.WorkerCommand.class::isAssignableFrom));
    assertTrue(messages().stream().anyMatch(RunProtocol.RunDriverCommand.class::isAssignableFrom));
    assertTrue(messages().stream().anyMatch(RunProtocol.HostCommand.class::isAssignableFrom));
  }

  /** A distributed run's Advance / WindowDone carry event batches: bound to Jackson in a member too. */
  @Test
  void theKernelsMessagesBetweenPartitionsAreBoundToJacksonInAMember() throws Exception {
    var batch = new geosim.kernel.EventBatch(1, new long[] {5}, new long[] {2}, new long[] {0}, new int[] {3},
        new Object[] {new SweepProtocol.WorkRequest(null)});
    Serializer serializer = serialization.findSerializerFor(batch);
    assertTrue(serializer instanceof JacksonCborSerializer, "EventBatch is serialized by " + serializer);
    byte[] bytes = serialization.serialize(batch).get();
    var back = (geosim.kernel.EventBatch) serialization.deserialize(bytes, serializer.identifier(),
        geosim.kernel.EventBatch.class.getName()).get();
    assertEquals(Arrays.asList(batch.messages()), Arrays.asList(back.messages()));
  }

  @Test
  void everyProtocolRecordIsMarkedBoundToJacksonAndSurvivesARoundTrip() throws Exception {
    for (Class<?> type : messages()) {
      assertTrue(ClusterMessage.class.isAssignableFrom(type), type + " lacks the ClusterMessage marker");
      Object message = sample(type);
      Serializer serializer = serialization.findSerializerFor(message);
      assertTrue(serializer instanceof JacksonCborSerializer, type + " is serialized by " + serializer);
      byte[] bytes = serialization.serialize(message).get();
      Object back = serialization.deserialize(bytes, serializer.identifier(), type.getName()).get();
      assertEquals(message, back, type.getSimpleName() + " changed in a round trip");
    }
  }

  /** A message without the marker has no binding, and Java serialization does not step in. */
  @Test
  void javaSerializationIsOff() {
    record Unmarked(int point) implements java.io.Serializable {}
    assertFalse(system.settings().config().getBoolean("pekko.actor.allow-java-serialization"));
    assertThrows(Exception.class, () -> serialization.serialize(new Unmarked(1)).get());
  }

  /** An instance of a record with a distinct value in every component. */
  private static Object sample(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = types[i] == List.class ? listOf(components[i], i) : valueOf(types[i], i);
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    return constructor.newInstance(values);
  }

  /** Two elements of a list component's element type. */
  private static List<Object> listOf(RecordComponent component, int i) {
    var element = ((java.lang.reflect.ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
    Class<?> type = element instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
    return List.of(valueOf(type, i), valueOf(type, i + 1));
  }

  private static Object valueOf(Class<?> type, int i) {
    if (type == Integer.class) return 7 + i;
    if (type == int.class) return 7 + i;
    if (type == long.class) return 1L << (40 + i);
    if (type == byte[].class) return new byte[] {1, (byte) i, -1};
    if (type == String.class) return "text-" + i + " {\"json\": [1, 2]}\nline";
    if (type == ActorRef.class) return system.systemActorOf(Behaviors.ignore(), "ref-" + REFS.incrementAndGet(), Props.empty());
    throw new AssertionError("SweepProtocolTest has no sample value for " + type + "; add one");
  }
}
