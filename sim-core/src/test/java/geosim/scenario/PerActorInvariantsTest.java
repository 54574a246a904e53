package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.CounterBreakdown;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conservation invariants that {@link Invariants} checks per actor ({@link
 * Conservation.Scope#ACTOR}) do hold for every actor alone in sound runs, crashes, timeouts,
 * hints and drops included: so the actor a violation names is at fault, not an actor that merely
 * counts one side of shared work.
 */
class PerActorInvariantsTest {
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  /** At every snapshot, no actor breaks a per-actor invariant; remembers which invariants had actors to check. */
  private static final class PerActor implements SnapshotObserver {
    final Set<String> checked = new TreeSet<>();

    @Override
    public void onSnapshot(Snapshot s) {
      throw new AssertionError("the kernel hands a breakdown");
    }

    @Override
    public void onSnapshot(Snapshot s, CounterBreakdown byActor) {
      for (Conservation c : Invariants.CONSERVATION) {
        if (c.scope() != Conservation.Scope.ACTOR) continue;
        assertNull(c.firstActorBreaking(byActor), c.format() + " at " + VirtualTime.format(s.timeNs()));
        if (!byActor.byActor(c.wholes().get(0)).isEmpty() && s.counter(c.parts().get(0)) > 0) checked.add(c.format());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    // A crash at ALL: failures, crashed requests, hints stored and replayed; two partitions.
    "store-faults-small.conf|duration=20s;store.workload.rate-per-server=5;store.write-consistency=ALL;"
        + "faults=[{at=5s, kind=server-crash, target=us-east/use1-a/rack-1/srv-1, duration=10s}];engine.partitions=2|3",
    // Hop by hop with background flows and a cut: frames dropped, and lost at the cut.
    "three-regions-congestion.conf|duration=70s;engine.partitions=2|1",
    "../validation/queue.conf|queue.duration=30s|1",
  })
  void perActorInvariantsHoldForEachActorAlone(String file, String sets, int expectChecked) throws Exception {
    PerActor check = new PerActor();
    Simulation sim = Simulation.create(ScenarioLoader.load(Path.of("../configs/scenarios/" + file),
        List.of(sets.split(";")))).observe(new Invariants()).observe(check);
    sim.run(RUNTIME.get());
    assertTrue(check.checked.size() >= expectChecked, "invariants with actors to check: " + check.checked);
  }
}
