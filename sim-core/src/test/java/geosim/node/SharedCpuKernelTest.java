package geosim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.kernel.ActorContext;
import geosim.kernel.Kernel;
import geosim.kernel.KernelSettings;
import geosim.kernel.RunResult;
import geosim.kernel.SimActor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A processor-sharing CPU driven by an actor on the kernel: the timer is re-armed on every change. */
class SharedCpuKernelTest {
  private static final long MS = 1_000_000;

  private sealed interface Msg permits Submit, Tick {}

  private record Submit(long id, long demandNs) implements Msg {}

  private record Tick() implements Msg {}

  private static final class Owner implements SimActor<Msg> {
    final SharedCpu cpu = new SharedCpu(1);
    final List<String> done = new ArrayList<>();

    @Override
    public void start(ActorContext<Msg> ctx) {
      ctx.startTimer(new Submit(1, 10 * MS), 0);
      ctx.startTimer(new Submit(2, 2 * MS), 4 * MS);
      ctx.startTimer(new Submit(3, 1 * MS), 5 * MS);
    }

    @Override
    public void receive(Msg message, ActorContext<Msg> ctx) {
      if (message instanceof Submit s) {
        cpu.submit(ctx.now(), s.id(), s.demandNs());
      } else {
        for (long id : cpu.takeCompleted(ctx.now())) done.add(id + "@" + ctx.now() / 1000 + "us");
      }
      cpu.rearm(ctx, new Tick());
    }
  }

  @Test
  void completionsFollowTheChangingShare() {
    Owner owner = new Owner();
    Kernel.Builder b = Kernel.builder(KernelSettings.of(1, 100 * MS, 1));
    b.spawn("cpu-owner", owner);
    RunResult r = b.build().run();
    // 0-4 ms: item 1 alone (4 ms done). 4-5 ms: 1 and 2 at 1/2 (2 has 1.5 ms left). From 5 ms three
    // share: 3 needs 1 ms at 1/3 -> done at 8 ms; then 2 (0.5 ms left) and 1 (4.5 ms left) at 1/2:
    // 2 done at 9 ms; 1 then has 4 ms left alone -> 13 ms.
    assertEquals(List.of("3@8000us", "2@9000us", "1@13000us"), owner.done);
    // 3 submits + 3 ticks that fired; re-armed timers that were cancelled are not events.
    assertEquals(6, r.events());
    assertEquals(13 * MS, owner.cpu.busyCoreNs(100 * MS));
  }
}
