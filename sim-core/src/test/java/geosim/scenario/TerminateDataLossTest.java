package geosim.scenario;

import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.faults.FaultKind;
import geosim.faults.FaultSpec;
import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.VirtualTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A terminated instance loses its disk, on configs/scenarios/store-faults-small.conf (RF 3, 12
 * servers): srv-1's cable is cut from 5 s to 20 s, so the writes it coordinates for keys it holds
 * itself are acknowledged by its own replica alone (at ONE) and hinted for the other two; at 15 s it
 * is terminated (its cells and its hints are gone) or only crashed (its disk stays, and the audit
 * still finds the cells on it).
 */
class TerminateDataLossTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final String VICTIM = "us-east/use1-a/rack-1/srv-1";
  private static final String CUT = "{at=5s, kind=link-cut, between=[\"" + VICTIM + "\", us-east/use1-a/rack-1/tor], "
      + "duration=15s}";
  private static final List<String> BASE = List.of("duration=30s", "store.workload.rate-per-server=10",
      "store.workload.keys=100000");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @Test
  void writesAtOneThatLivedOnlyOnATerminatedServerAreLostAndItsPeersCountItBehind() throws Exception {
    Map<String, Object> terminated = consistency(run("ONE", "server-terminate"));
    Map<String, Object> crashed = consistency(run("ONE", "server-crash"));
    assertTrue(number(terminated, "lostAcknowledgedWrites") > 5, "terminated: " + terminated);
    assertEquals(0, number(crashed, "lostAcknowledgedWrites"), "its disk stays: " + crashed);
    // Every key it held now has a replica without it; the crashed server's keys are held by it still.
    assertTrue(number(terminated, "replicasBehindAtEnd") > number(crashed, "replicasBehindAtEnd") + 5,
        "behind: terminated " + terminated + ", crashed " + crashed);
  }

  @Test
  void atQuorumNoAcknowledgedWriteLivedOnlyThereSoNoneIsLost() throws Exception {
    SortedMap<String, Object> quorum = run("QUORUM", "server-terminate");
    assertEquals(0, number(consistency(quorum), "lostAcknowledgedWrites"), "at QUORUM: " + consistency(quorum));
    assertTrue(number(consistency(quorum), "acknowledgedWrites") > 1000, "writes: " + consistency(quorum));
    assertTrue(number(map(map(quorum, "store"), "hints"), "dropped") > 0,
        "the hints it kept for its peers went with its disk: " + map(map(quorum, "store"), "hints"));
  }

  @Test
  void aFailedDiskLosesWhatLivedOnlyThereAndItsServerComesBackEmptyToTheHintsItsPeersKept() throws Exception {
    SortedMap<String, Object> disk = run("ONE", "disk-failure, duration=5s");
    SortedMap<String, Object> terminated = run("ONE", "server-terminate");
    assertTrue(number(consistency(disk), "lostAcknowledgedWrites") > 5, "its disk is gone: " + consistency(disk));
    // Back at 20 s with the cut healed: the peers replay what they kept for it, which a terminated
    // server (never back) does not get.
    Map<String, Object> diskHints = map(map(disk, "store"), "hints");
    Map<String, Object> terminatedHints = map(map(terminated, "store"), "hints");
    assertTrue(number(diskHints, "replayed") > number(terminatedHints, "replayed"),
        "hints replayed to the new disk: " + diskHints + ", to a terminated server " + terminatedHints);
    assertEquals(1, number(map(disk, "faults"), "disk-failure"), "counted: " + disk.get("faults"));
  }

  /**
   * Injected terminate at 5 s and replacement (restore) at 10 s, at ONE over 1000 keys with repair at
   * 15 s (4 vnodes so that it finishes) or not: the replacement starts empty, so reads at ONE that it
   * serves miss; its peers drop the hints they kept for it; only repair puts the data back, and an
   * injected crash and restart instead loses nothing.
   */
  @Test
  void aReplacementStartsEmptyItsHintsAreDroppedAndRepairRefillsIt() throws Exception {
    List<String> sets = List.of("faults=[]", "store.workload.keys=1000", "store.vnodes=4",
        "store.write-consistency=ONE", "store.read-consistency=ONE", "store.dclocal-read-repair-chance=0");
    SortedMap<String, Object> replaced = injected(sets, FaultKind.SERVER_TERMINATE);
    SortedMap<String, Object> repaired = injected(plus(sets, "store.repair.schedule=[15s]"), FaultKind.SERVER_TERMINATE);
    SortedMap<String, Object> restarted = injected(sets, FaultKind.SERVER_CRASH);
    // Hints stored for it before the replacement are dropped; those stored after it (while its
    // peers still think it down) go to the new instance.
    Map<String, Object> hints = map(map(replaced, "store"), "hints");
    Map<String, Object> restartHints = map(map(restarted, "store"), "hints");
    assertTrue(number(hints, "dropped") > 0 && number(restartHints, "dropped") == 0, "hints for it dropped: " + hints
        + ", after a restart " + restartHints);
    assertTrue(number(hints, "replayed") + number(hints, "dropped") <= number(restartHints, "replayed") + 5,
        "a restart gets the hints a replacement loses: " + hints + ", after a restart " + restartHints);
    assertTrue(number(consistency(replaced), "staleReads") > number(consistency(restarted), "staleReads"),
        "reads it serves miss: replaced " + consistency(replaced) + ", restarted " + consistency(restarted));
    double behind = number(consistency(replaced), "replicasBehindAtEnd");
    assertTrue(behind > 10, "the replacement lacks the keys it held: " + consistency(replaced));
    assertTrue(number(consistency(repaired), "replicasBehindAtEnd") < behind / 4, "repair refills it: "
        + consistency(repaired) + " against " + consistency(replaced));
  }

  /** A run with {@code kind} injected on the victim at the 5 s snapshot and ended at the 10 s one. */
  private static SortedMap<String, Object> injected(List<String> sets, FaultKind kind) throws Exception {
    List<String> all = new ArrayList<>(BASE);
    all.addAll(sets);
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, all));
    FaultInjector injector = sim.faultInjector();
    FaultSpec fault = new FaultSpec(kind, 0, Long.MAX_VALUE, VICTIM, null);
    sim.observe(new Invariants()).observe(snapshot -> {
      if (snapshot.timeNs() == VirtualTime.seconds(5)) injector.inject(fault.at(VirtualTime.seconds(5), Long.MAX_VALUE));
      if (snapshot.timeNs() == VirtualTime.seconds(10)) injector.end(fault);
    });
    return RunSummary.of(sim, sim.run(RUNTIME.get()));
  }

  private static List<String> plus(List<String> a, String b) {
    List<String> all = new ArrayList<>(a);
    all.add(b);
    return all;
  }

  private static Map<String, Object> consistency(SortedMap<String, Object> summary) {
    return map(summary, "consistency");
  }

  private static SortedMap<String, Object> run(String level, String kind) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of("store.write-consistency=" + level,
        "store.read-consistency=" + level,
        "faults=[" + CUT + ", {at=15s, kind=" + kind + ", target=\"" + VICTIM + "\"}]"));
  }
}
