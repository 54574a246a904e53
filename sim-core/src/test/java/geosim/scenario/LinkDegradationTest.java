package geosim.scenario;

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
 * Link degradations on configs/scenarios/store-faults-small.conf (two regions 80.55 ms apart), with
 * every write at EACH_QUORUM over two replicas per region, so each write waits for a round trip
 * over the WAN and each read (LOCAL_ONE) stays in its region. What the application sees follows
 * from the links: added WAN latency moves the write latency by the added round trip, and a lossy
 * WAN makes writes time out.
 */
class LinkDegradationTest {
  private static final Path SCENARIO = Path.of("../configs/scenarios/store-faults-small.conf");
  private static final List<String> BASE = List.of("duration=20s", "store.workload.rate-per-server=10",
      "store.replication-by-region=[{region=us-east, factor=2}, {region=eu-west, factor=2}]",
      "store.write-consistency=EACH_QUORUM", "store.read-consistency=LOCAL_ONE");
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static SortedMap<String, Object> baseline;

  @BeforeAll
  static void setUp() throws Exception {
    baseline = run("faults=[]");
  }

  /** 20 ms more on the WAN link each way: a write's WAN round trip takes 40 ms more, its median too. */
  @Test
  void addedWanLatencyRaisesTheWriteMedianByTheAddedRoundTrip() throws Exception {
    SortedMap<String, Object> slow = run(
        "faults=[{at=0s, kind=link-degradation, between=[us-east, eu-west], latency=20ms}]");
    double before = p50(baseline, "write");
    double after = p50(slow, "write");
    assertTrue(before > 80, "the write median crosses the WAN: " + before + " ms");
    assertEquals(40, after - before, 3, "write p50 " + before + " ms -> " + after + " ms");
    assertEquals(p50(baseline, "read"), p50(slow, "read"), 0.5, "LOCAL_ONE reads never cross the WAN");
    assertEquals(1, number(map(slow, "faults"), "link-degradation"), "counted: " + map(slow, "faults"));
  }

  /** A fifth of the frames on the WAN lost: writes whose mutations or acknowledgements are lost time out. */
  @Test
  void aLossyWanMakesWritesTimeOut() throws Exception {
    SortedMap<String, Object> lossy = run(
        "faults=[{at=5s, kind=link-degradation, between=[us-east, eu-west], loss=0.2, duration=10s}]");
    Map<String, Object> network = map(lossy, "network");
    assertTrue(number(network, "lostToLoss") > 100, "frames lost on the WAN: " + network);
    assertEquals(0, number(map(baseline, "network"), "lostToLoss"));
    assertEquals(0, number(op(baseline, "write"), "failed"), "no write fails without the loss");
    // Each write needs its 2 remote mutations and their acks to get through: (1 - 0.2)^4 = 41 %.
    double failed = number(op(lossy, "write"), "failed") / number(op(lossy, "write"), "count");
    assertTrue(failed > 0.2, "writes failed " + failed + ": " + op(lossy, "write"));
  }

  private static double p50(SortedMap<String, Object> summary, String op) {
    return number(map(op(summary, op), "latencyMs"), "p50");
  }

  private static SortedMap<String, Object> run(String... sets) throws Exception {
    return ScenarioRuns.results(RUNTIME.get(), SCENARIO, BASE, List.of(sets));
  }
}
