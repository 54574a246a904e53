package geosim.scenario;

import static geosim.scenario.SummaryValues.fd;
import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import geosim.network.PartitionSpec;
import geosim.store.node.StoreModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * configs/scenarios/rack-partition.conf (docs/scenarios/rack-partition.md): racks 1-2 and 3-6 of
 * one data center cannot reach each other from 10 s to 40 s, with {@link Invariants} on. Nothing
 * is scripted: gossip stops across the partition, so the failure detectors convict across it;
 * QUORUM fails where the coordinator's side lacks a quorum of the key's replicas; hints are kept
 * and replayed after the heal.
 */
class RackPartitionTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/rack-partition.conf");
  private static final long S = 1_000_000_000L;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  private record Run(SortedMap<String, Object> summary, List<Snapshot> snapshots) {}

  private static Run run(String... sets) throws Exception {
    List<Snapshot> snapshots = new ArrayList<>();
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, List.of(sets)));
    sim.observe(new Invariants()).observe(snapshots::add);
    return new Run(RunSummary.of(sim, sim.run(RUNTIME.get())), snapshots);
  }

  @Test
  void eachSideConvictsTheOtherQuorumFailsDuringThePartitionAndHintsAreReplayedAfterIt() throws Exception {
    Run run = run();
    long minority = servers(1);
    long majority = servers(2);
    Map<String, Object> fd = fd(run.summary());
    assertEquals(0, number(fd, "detections"), "nothing crashed: " + fd);
    assertTrue(number(fd, "falseSuspicions") > minority * majority, "each side convicts the other: " + fd);
    assertTrue(number(fd, "falseSuspicions") <= 2 * minority * majority, "only across the partition: " + fd);
    assertEquals(0, failed(at(run, 10)), "no failures before the partition");
    assertTrue(failed(at(run, 40)) > 500, "QUORUM fails across it: " + failed(at(run, 40)));
    assertTrue(unavailable(at(run, 40)) > 0, "once convicted, at once");
    assertEquals(failed(at(run, 45)), failed(at(run, 60)), "none once gossip has seen the other side again");
    Map<String, Object> hints = map(map(run.summary(), "store"), "hints");
    assertTrue(number(hints, "stored") > 500, "writes the other side missed are hinted: " + hints);
    assertEquals(number(hints, "stored"), number(hints, "replayed"), "and replayed after the heal: " + hints);
    assertEquals(0, number(hints, "pending"), "hints " + hints);
  }

  /**
   * With five copies on five of the six racks, the two-rack side holds at most two of a key's
   * replicas, below QUORUM (3), and the four-rack side at least three: once the sides have
   * convicted each other (a partition of 50 s, as detection across it takes 15 to 40 s here),
   * every request coordinated on the small side fails at once (unavailable) and every one on the
   * large side succeeds, so the failed share is the small side's share of the coordinators, 4 of 12.
   */
  @Test
  void withFiveCopiesOnlyTheRequestsCoordinatedOnTheMinoritySideFail() throws Exception {
    Run run = run("store.replication-by-region=[{region=us-east, factor=5}]", "duration=70s",
        "faults=[{at=10s, kind=partition, duration=50s, sides=[[us-east/use1-a/rack-1, us-east/use1-a/rack-2],"
            + " [us-east/use1-a/rack-3, us-east/use1-a/rack-4, us-east/use1-a/rack-5, us-east/use1-a/rack-6]]}]");
    long minority = servers(1);
    long majority = servers(2);
    double minorityShare = (double) minority / (minority + majority);
    Snapshot from = at(run, 50);
    Snapshot to = at(run, 60);
    assertEquals(2 * minority * majority, from.counter(StoreModel.FD_FALSE_SUSPICIONS),
        "by 50 s every server has convicted every server of the other side");
    double failed = failed(to) - failed(from);
    double ok = ok(to) - ok(from);
    assertTrue(unavailable(to) - unavailable(from) >= 0.9 * failed, "failed at once, not timed out: "
        + (unavailable(to) - unavailable(from)) + " of " + failed);
    assertEquals(minorityShare, failed / (failed + ok), 0.04, failed + " failed, " + ok + " ok from 50 s to 60 s");
  }

  /** The servers of the scenario's topology on side {@code side} (1 or 2) of its partition. */
  private static long servers(int side) throws Exception {
    ScenarioSettings scenario = ScenarioLoader.load(SCENARIO, List.of());
    PartitionSpec partition = scenario.faults().partitions().get(0);
    return scenario.topology().servers().stream().filter(p -> partition.sideOf(p.path()) == side).count();
  }

  private static long failed(Snapshot s) {
    return s.counter(StoreModel.failed("write")) + s.counter(StoreModel.failed("read"));
  }

  private static long ok(Snapshot s) {
    return s.counter(StoreModel.ok("write")) + s.counter(StoreModel.ok("read"));
  }

  private static long unavailable(Snapshot s) {
    return s.counter(StoreModel.unavailable("write")) + s.counter(StoreModel.unavailable("read"));
  }

  private static Snapshot at(Run run, long seconds) {
    for (Snapshot s : run.snapshots()) {
      if (s.timeNs() == seconds * S) return s;
    }
    throw new AssertionError("no snapshot at " + seconds + " s");
  }
}
