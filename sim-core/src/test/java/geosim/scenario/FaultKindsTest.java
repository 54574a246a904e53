package geosim.scenario;

import static geosim.scenario.SummaryValues.fd;
import static geosim.scenario.SummaryValues.map;
import static geosim.scenario.SummaryValues.number;
import static geosim.scenario.SummaryValues.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of scheduled fault on configs/scenarios/store-faults-small.conf (12 servers in two
 * regions, 10 requests per second each), with {@link Invariants} on: each kind does what it says,
 * counted in summary.json's {@code faults}, and a plan of every kind gives the same summary at 1
 * and 3 partitions.
 */
class FaultKindsTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final String US1 = "us-east/use1-a/rack-1/";
  private static final String US2 = "us-east/use1-a/rack-2/";
  private static final String EU1 = "eu-west/euw1-a/rack-1/";
  private static final String EU2 = "eu-west/euw1-a/rack-2/";
  private static final List<String> BASE = List.of("store.workload.rate-per-server=10", "duration=40s");
  private static final String EVERY_KIND = "faults=["
      + "{at=5s, kind=server-restart, target=" + US1 + "srv-1, duration=5s}, "
      + "{at=20s, kind=server-terminate, target=" + EU2 + "srv-3}, "
      + "{at=10s, kind=rack-power, target=us-east/use1-a/rack-2, duration=10s}, "
      + "{at=8s, kind=switch-failure, target=" + EU1 + "tor, duration=10s}, "
      + "{at=5s, kind=link-cut, between=[us-east/use1-a/agg-1, us-east/use1-a/core-1], duration=20s}, "
      + "{at=26s, kind=region-outage, target=eu-west, duration=3s}, "
      + "{at=5s, kind=slow-disk, target=" + US1 + "srv-2, factor=10, duration=20s}, "
      + "{at=12s, kind=clock-jump, target=" + US1 + "srv-3, by=-5s}, "
      + "{at=5s, kind=gray-failure, target=" + EU1 + "srv-1, duration=20s}, "
      + "{at=5s, kind=storm, between=[" + US1 + "tor, " + US2 + "tor], rate-gbps=40, duration=20s}, "
      + "{at=5s, kind=link-degradation, between=[" + US2 + "tor, us-east/use1-a/agg-1], latency=1ms, loss=0.05, "
      + "bandwidth-factor=0.5, duration=20s}, "
      + "{at=22s, kind=region-partition, between=[us-east, eu-west], duration=3s}, "
      + "{at=14s, kind=partition, sides=[[us-east/use1-a/rack-1], [eu-west/euw1-a/rack-2, us-east/use1-a/rack-2/srv-1]], "
      + "duration=6s}]";
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = run("faults=[]");
  }

  @Test
  void aPlanOfEveryKindIsCountedAndGivesTheSameSummaryAtOneAndThreePartitions() throws Exception {
    List<String> sets = List.of(EVERY_KIND, "engine.partition-by=rack", "duration=30s", "store.workload.rate-per-server=5");
    SortedMap<String, Object> one = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, plus(sets, "engine.partitions=1"));
    SortedMap<String, Object> three = ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, plus(sets, "engine.partitions=3"));
    Map<String, Object> faults = map(one, "faults");
    assertEquals(13, number(faults, "count"), "faults " + faults);
    for (String kind : List.of("server-restart", "server-terminate", "rack-power", "switch-failure", "link-cut",
        "link-degradation",
        "region-outage", "slow-disk", "clock-jump", "gray-failure", "storm", "region-partition", "partition")) {
      assertEquals(1, number(faults, kind), kind + " in " + faults);
    }
    Map<String, Object> hints = map(map(one, "store"), "hints");
    assertTrue(number(hints, "stored") > 100, "writes to the servers down or cut off are hinted: " + hints);
    assertEquals(0, number(map(baseline, "faults"), "count"));
    assertEquals(one, three);
  }

  @Test
  void aRackPowerLossIsARackOfCrashesEveryLiveServerConvicts() throws Exception {
    SortedMap<String, Object> power = run("faults=[{at=5s, kind=rack-power, target=us-east/use1-a/rack-2, duration=34s}]");
    // 3 servers down, each convicted by the 9 others (most within the 34 s); nobody alive is suspected.
    double detections = number(fd(power), "detections");
    assertTrue(detections > 18 && detections <= 27, "fd " + fd(power));
    assertEquals(0, number(fd(power), "falseSuspicions"), "fd " + fd(power));
    assertTrue(number(map(map(power, "store"), "hints"), "stored") > 100, "hints for the rack's writes");
  }

  @Test
  void aFailedTopOfRackSwitchCutsItsRackOffAndItsLiveServersAreSuspected() throws Exception {
    SortedMap<String, Object> tor = run("faults=[{at=5s, kind=switch-failure, target=" + US1 + "tor, duration=30s}]");
    assertEquals(0, number(fd(tor), "detections"), "nothing crashed: " + fd(tor));
    // The rack's 3 servers and the 9 others lose each other: up to 3 x 9 convictions each way,
    // more than one way's worth within the 30 s.
    double suspicions = number(fd(tor), "falseSuspicions");
    assertTrue(suspicions > 27 && suspicions <= 54, "fd " + fd(tor));
  }

  /**
   * In a 40 s run the reads are served from memtables; the writes each append to the commit log,
   * so a disk 1000 times slower delays the writes its server must acknowledge.
   */
  @Test
  void aSlowDiskSlowsTheWritesItLogs() throws Exception {
    SortedMap<String, Object> slow = run("faults=[{at=0s, kind=slow-disk, target=" + US1 + "srv-2, factor=1000}]");
    double mean = number(map(op(slow, "write"), "latencyMs"), "mean");
    double before = number(map(op(baseline, "write"), "latencyMs"), "mean");
    assertTrue(mean > before + 2, "write mean " + mean + " ms against " + before + " ms without the slow disk");
  }

  @Test
  void aBackwardClockJumpLosesAcknowledgedWrites() throws Exception {
    SortedMap<String, Object> jump = run("faults=[{at=10s, kind=clock-jump, target=" + US1 + "srv-3, by=-20s}]",
        "store.workload.keys=200");
    SortedMap<String, Object> none = run("faults=[]", "store.workload.keys=200");
    // A write the jumped server coordinates is stamped 20 s in the past: last-write-wins keeps the
    // older value it was meant to replace, so the acknowledged write is lost.
    assertTrue(number(map(jump, "consistency"), "lostAcknowledgedWrites") > 5, "with the jump: " + map(jump, "consistency"));
    assertEquals(0, number(map(none, "consistency"), "lostAcknowledgedWrites"), "without: " + map(none, "consistency"));
  }

  @Test
  void aGrayFailureIsNeverConvictedButItsRequestsTimeOut() throws Exception {
    String gray = "faults=[{at=5s, kind=gray-failure, target=" + EU1 + "srv-1, duration=30s}]";
    SortedMap<String, Object> result = run(gray, "store.speculative-retry=none");
    assertEquals(0, number(fd(result), "convictions"), "it keeps gossiping: " + fd(result));
    assertTrue(number(op(result, "read"), "failed") > 20, "reads that wait for it time out: " + op(result, "read"));
  }

  private static SortedMap<String, Object> run(String... sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of(sets));
  }

  private static List<String> plus(List<String> a, String b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.add(b);
    return all;
  }
}
