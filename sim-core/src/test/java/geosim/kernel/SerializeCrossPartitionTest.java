package geosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The check mode {@link Kernel#serializeCrossPartition}: batches between partitions go through
 * Jackson and back. A kernel ref inside a message comes back as the same actor's ref (equal, and
 * sending to it reaches the actor); a message Jackson cannot rebuild fails the run naming its type.
 */
class SerializeCrossPartitionTest {
  private static final long MS = VirtualTime.NANOS_PER_MILLI;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  /** A ball with the ref of whoever threw it, thrown back to that ref. */
  public record Ball(ActorRef<Ball> thrower, int bounces) {}

  /** Sent to another partition; Jackson can write the lambda but not rebuild a Runnable. */
  public record Opaque(Runnable work) {}

  /** Throws a ball to its peer at start; throws back every ball it gets to the ball's thrower, 20 times. */
  private static final class Player implements SimActor<Ball> {
    ActorRef<Ball> peer;
    final List<ActorRef<Ball>> throwers = new ArrayList<>();

    @Override
    public void start(ActorContext<Ball> ctx) {
      if (peer != null) ctx.send(peer, new Ball(ctx.self(), 0), 10 * MS);
    }

    @Override
    public void receive(Ball ball, ActorContext<Ball> ctx) {
      throwers.add(ball.thrower());
      ctx.metrics().counter("catches").increment();
      if (ball.bounces() < 20) ctx.send(ball.thrower(), new Ball(ctx.self(), ball.bounces() + 1), 10 * MS);
    }
  }

  private static KernelSettings twoPartitions() {
    return KernelSettings.of(1, 1000 * MS, 10 * MS).withPartitions(2, PartitionBy.REGION);
  }

  @Test
  void refsInsideMessagesComeBackAsTheSameActorsRefs() {
    for (boolean serialize : new boolean[] {false, true}) {
      Kernel.Builder b = Kernel.builder(twoPartitions());
      Player east = new Player();
      Player west = new Player();
      ActorRef<Ball> eastRef = b.spawn("us-east/srv-1", east);
      ActorRef<Ball> westRef = b.spawn("us-west/srv-1", west);
      east.peer = westRef;
      Kernel kernel = b.build().serializeCrossPartition(serialize);
      assertEquals(2, kernel.partitionCount());
      RunResult result = kernel.run(RUNTIME.get());
      assertEquals(21, result.counter("catches"), "serialize " + serialize);
      assertEquals(11, west.throwers.size());
      assertTrue(west.throwers.stream().allMatch(eastRef::equals), west.throwers.toString());
      ActorRef<Ball> back = east.throwers.get(0);
      assertEquals(List.of(westRef.path(), westRef.partition(), westRef.slot(), westRef.unit()),
          List.of(back.path(), back.partition(), back.slot(), back.unit()));
    }
  }

  @Test
  void aMessageThatCannotCrossJvmsFailsTheRunNamingItsType() {
    Kernel.Builder b = Kernel.builder(twoPartitions());
    ActorRef<Opaque> west = b.spawn("us-west/srv-1", (message, ctx) -> {});
    b.spawn("us-east/srv-1", new SimActor<Object>() {
      @Override
      public void start(ActorContext<Object> ctx) {
        ctx.send(west, new Opaque(() -> {}), 10 * MS);
      }

      @Override
      public void receive(Object message, ActorContext<Object> ctx) {}
    });
    Kernel kernel = b.build().serializeCrossPartition(true);
    SimulationException e = assertThrows(SimulationException.class, () -> kernel.run(RUNTIME.get()));
    assertTrue(e.getMessage().contains("cannot cross JVMs") && e.getMessage().contains(Opaque.class.getName()),
        e.getMessage());
  }
}
