package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.faults.FaultPlan;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The drill-down's state of a server from a frame of the store's state channel (no fault plan). */
class ServerStateTest {
  private static final String SRV = "us-east/use1-a/rack-1/srv-1";
  private static final int PEERS = 11;

  private static ServerState state(Map<String, Double> metrics) {
    TreeMap<String, Double> values = new TreeMap<>();
    metrics.forEach((metric, v) -> values.put(Frame.key(SRV, metric), v));
    return ServerState.of(FaultPlan.NONE, new Frame(20, -1, values), SRV, 20, PEERS);
  }

  @Test
  void theChannelGivesEachState() {
    assertEquals(ServerState.UP, state(Map.of()), "no row: up");
    assertEquals(ServerState.UP, state(Map.of(ServerState.SUSPECTED_METRIC, 0.0, ServerState.DOWN_METRIC, 0.0)));
    assertEquals(ServerState.SUSPECTED, state(Map.of(ServerState.SUSPECTED_METRIC, 1.0)), "one peer suffices");
    assertEquals(ServerState.DOWN, state(Map.of(ServerState.DOWN_METRIC, 1.0, ServerState.SUSPECTED_METRIC, 5.0)),
        "5 of 11 peers: not yet detected");
    assertEquals(ServerState.DOWN_SUSPECTED, state(Map.of(ServerState.DOWN_METRIC, 1.0, ServerState.SUSPECTED_METRIC, 6.0)));
    assertEquals(ServerState.BOOTSTRAPPING, state(Map.of(ServerState.BOOTSTRAPPING_METRIC, 1.0, ServerState.SUSPECTED_METRIC, 2.0)));
    assertEquals(ServerState.LEAVING, state(Map.of(ServerState.LEAVING_METRIC, 1.0)));
    assertEquals(ServerState.ABSENT, state(Map.of(ServerState.ABSENT_METRIC, 1.0)));
  }

  @Test
  void moreSuspicionDeepensTheAmberAndTheTooltipCountsThePeers() {
    assertTrue(ServerState.suspectedFill(1.0 / PEERS).getBlue() > ServerState.suspectedFill(1).getBlue(), "paler for a few");
    assertEquals("up (suspected by 1 peer)", ServerState.SUSPECTED.text(1));
    assertEquals("down, detected (suspected by 11 peers)", ServerState.DOWN_SUSPECTED.text(11));
  }

  @Test
  void anUpServerShowsItsOwnCpuWhenTheRunRecordsItElseTheRegionsMean() {
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Frame.key(SRV, ServerState.CPU_METRIC), 0.9);
    Frame frame = new Frame(20, -1, values);
    assertEquals(0.9, ServerState.cpu(frame, SRV, 0.2));
    assertEquals(0.2, ServerState.cpu(frame, "us-east/use1-a/rack-1/srv-2", 0.2), "no row for it: the region's mean");
    assertEquals(0.2, ServerState.cpu(null, SRV, 0.2));
    assertTrue(Double.isNaN(ServerState.cpu(null, SRV, Double.NaN)), "no data at all");
  }
}
