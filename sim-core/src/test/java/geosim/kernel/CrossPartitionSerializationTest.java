package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.phold.PholdEvent;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages between partitions and the coordinator survive Pekko's Jackson serialisation. */
class CrossPartitionSerializationTest {
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static Serialization serialization;

  @BeforeAll
  static void setUp() {
    serialization = SerializationExtension.get(RUNTIME.get().system());
  }

  private static Object roundTrip(Object message) {
    Serializer serializer = serialization.findSerializerFor(message);
    assertTrue(serializer.getClass().getName().contains("Jackson"),
        message.getClass() + " uses " + serializer.getClass());
    byte[] bytes = serialization.serialize(message).get();
    String manifest = org.apache.pekko.serialization.Serializers.manifestFor(serializer, message);
    return serialization.deserialize(bytes, serializer.identifier(), manifest).get();
  }

  @Test
  void eventBatchesKeepEveryEventAndItsModelMessage() {
    EventBatch batch = new EventBatch(3, new long[] {10, 20}, new long[] {-5, 7}, new long[] {0, 1},
        new int[] {4, 2}, new Object[] {new PholdEvent(), new Probe("x", 42)});
    EventBatch back = (EventBatch) roundTrip(batch);
    assertEquals(3, back.toPartition());
    assertArrayEquals(batch.times(), back.times());
    assertArrayEquals(batch.sources(), back.sources());
    assertArrayEquals(batch.seqs(), back.seqs());
    assertArrayEquals(batch.targets(), back.targets());
    assertArrayEquals(batch.messages(), back.messages());
  }

  @Test
  void progressBetweenPartitionsKeepsItsEventsAndPromise() {
    EventBatch batch = new EventBatch(1, new long[] {50}, new long[] {9}, new long[] {3}, new int[] {0},
        new Object[] {new Probe("y", 7)});
    var progress = (PartitionProtocol.Progress) roundTrip(new PartitionProtocol.Progress(2, 1234, batch));
    assertEquals(2, progress.fromPartition());
    assertEquals(1234, progress.promiseNs());
    assertArrayEquals(batch.messages(), progress.events().messages());
    assertEquals(null, ((PartitionProtocol.Progress) roundTrip(new PartitionProtocol.Progress(0, 5, null))).events());
  }

  /** A model message as models write them: a record. */
  public record Probe(String name, long value) {}

  @Test
  void windowReportsWithMetricsRoundTrip() {
    Metrics metrics = new Metrics();
    metrics.counter("ping.ok").add(12);
    metrics.histogram("ping.rtt-us").recordValue(75_000);
    MetricsReport report = MetricsReport.drain(metrics, 0);
    var done = new CoordinatorProtocol.WindowDone(1, 3, 600, 99, List.of(), report);
    var back = (CoordinatorProtocol.WindowDone) roundTrip(done);
    assertEquals(done.nextEventTimeNs(), back.nextEventTimeNs());
    SortedMap<String, Long> counters = new TreeMap<>();
    SortedMap<String, org.HdrHistogram.Histogram> histograms = new TreeMap<>();
    back.metrics().addTo(counters, histograms);
    assertEquals(12L, counters.get("ping.ok"));
    assertEquals(1, histograms.get("ping.rtt-us").getTotalCount());
  }

  @Test
  void advanceMessagesCarryTheirReplyAddress() {
    ActorTestKit kit = ActorTestKit.create(RUNTIME.get().system());
    TestProbe<CoordinatorProtocol.Command> probe = kit.createTestProbe();
    var advance = new PartitionProtocol.Advance(100, false, List.of(), true, probe.getRef());
    var back = (PartitionProtocol.Advance) roundTrip(advance);
    assertEquals(advance, back);
  }

  @Test
  void everyCrossPartitionMessageTypeIsARecord() {
    List<Class<?>> types = List.of(EventBatch.class, MetricsReport.class, PartitionProtocol.Advance.class,
        PartitionProtocol.Peers.class, PartitionProtocol.RunWindow.class, PartitionProtocol.Progress.class,
        PartitionProtocol.Step.class,
        CoordinatorProtocol.WindowDone.class, CoordinatorProtocol.PartitionFailed.class,
        CoordinatorProtocol.Continue.class);
    for (Class<?> type : types) {
      assertTrue(type.isRecord(), type + " must be a record");
      assertTrue(CrossPartitionMessage.class.isAssignableFrom(type), type + " must be marked");
    }
  }
}
