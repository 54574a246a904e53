package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store's state counters (ServerStates) on configs/scenarios/store-faults-small.conf: one
 * server crashed from 10 s to 40 s of a 60 s run, metrics every 5 s. They sample the crash as
 * {@code down}, the peers' convictions as {@code suspected-by}, integrate the time each region's
 * servers ran, and are the same at any partitioning.
 */
class ServerStatesTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final String VICTIM = "us-east/use1-a/rack-1/srv-1";
  private static final String CRASH = "faults=[{at=10s, kind=server-crash, target=" + VICTIM + ", duration=30s}]";
  private static final long S = 1_000_000_000L;
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static List<Snapshot> onePartition;

  @BeforeAll
  static void setUp() throws Exception {
    onePartition = run(1);
  }

  /** A run split into {@code partitions} by region (a WAN lookahead: partitioning by rack would be slow here). */
  private static List<Snapshot> run(int partitions) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(SCENARIO, List.of(CRASH, "duration=60s",
        "store.workload.rate-per-server=5", "engine.partition-by=region", "engine.partitions=" + partitions)));
    List<Snapshot> snapshots = new ArrayList<>();
    sim.observe(new Invariants()).observe(snapshots::add).run(RUNTIME.get());
    return snapshots;
  }

  /** The state counters of every snapshot, by time. */
  private static SortedMap<Long, SortedMap<String, Long>> states(List<Snapshot> snapshots) {
    SortedMap<Long, SortedMap<String, Long>> out = new TreeMap<>();
    for (Snapshot s : snapshots) {
      SortedMap<String, Long> c = new TreeMap<>();
      for (Map.Entry<String, Long> e : s.counters().entrySet()) {
        if (e.getKey().startsWith("server.") || e.getKey().contains("servers-up")) c.put(e.getKey(), e.getValue());
      }
      out.put(s.timeNs(), c);
    }
    return out;
  }

  @Test
  void theCrashedServerIsSampledDownAndItsPeersSuspectItUntilItIsBack() {
    Snapshot at15 = at(15), at40 = at(40), at45 = at(45), end = at(60);
    String down = "server." + VICTIM + ".down-ns";
    String suspected = "server." + VICTIM + ".suspected-by-ns";
    assertEquals(5 * S, at15.counter(down), "down at the 15 s boundary, held over its 5 s interval");
    // The restart is at 40 s: the boundary at 40 s comes before it.
    assertEquals(30 * S, at40.counter(down), "down at 15, 20, ..., 40 s");
    assertEquals(at40.counter(down), end.counter(down), "never down again after the restart");
    long suspectedByAll = at40.counter(suspected) - at(35).counter(suspected);
    assertEquals(11 * 5 * S, suspectedByAll, "all 11 peers suspect it 25 s into the crash");
    assertTrue(at(15).counter(suspected) == 0, "no peer convicts it within 5 s (phi 8, gossip 1 s)");
    assertEquals(at45.counter(suspected), end.counter(suspected), "back in gossip within 5 s of the restart");
    assertEquals(6 * 60 * S - 30 * S, end.counter("store.us-east.servers-up-ns"), "exact time up");
    assertEquals(6 * 60 * S, end.counter("store.eu-west.servers-up-ns"));
    assertTrue(end.counters().keySet().stream().filter(k -> k.startsWith("server.")).allMatch(k -> k.contains(VICTIM)),
        "only the victim has state counters: " + end.counters().keySet());
  }

  @Test
  void theStatesAreTheSameAtAnyPartitioning() throws Exception {
    assertEquals(states(onePartition), states(run(2)));
  }

  private static Snapshot at(long seconds) {
    for (Snapshot s : onePartition) if (s.timeNs() == seconds * S) return s;
    throw new AssertionError("no snapshot at " + seconds + " s");
  }
}
