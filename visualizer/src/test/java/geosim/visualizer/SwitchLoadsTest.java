package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SwitchLoadsTest {
  private static final String RACK = "us-east/use1-a/rack-1";

  @Test
  void aSwitchTakesTheBusiestOfTheLinksItSendsOrReceivesOn() {
    TreeMap<String, Double> values = new TreeMap<>();
    values.put(Frame.key(RACK + "/srv-1>" + RACK + "/tor", SwitchLoads.LINK_METRIC), 0.2);
    values.put(Frame.key(RACK + "/tor>" + RACK + "/srv-1", SwitchLoads.LINK_METRIC), 0.1);
    values.put(Frame.key(RACK + "/tor>us-east/use1-a/agg-1", SwitchLoads.LINK_METRIC), 0.7);
    values.put(Frame.key("us-east/use1-a/agg-1>us-east/use1-a/core-1", SwitchLoads.LINK_METRIC), 0.4);
    values.put(Frame.key("us-east/use1-a/core-1>us-east/wan", SwitchLoads.LINK_METRIC), 0.05);
    values.put(Frame.key("us-east", "cpu.utilization.mean"), 0.9); // not a link
    Map<String, Double> loads = SwitchLoads.of(new Frame(10, -1, values));
    assertEquals(Map.of(RACK + "/tor", 0.7, "us-east/use1-a/agg-1", 0.7, "us-east/use1-a/core-1", 0.4, "us-east/wan", 0.05),
        loads);
  }

  @Test
  void serversAreNotSwitchesAndAFrameWithoutTheChannelHasNone() {
    assertTrue(SwitchLoads.isSwitch(RACK + "/tor"));
    assertTrue(SwitchLoads.isSwitch("us-east/use1-a/agg-12"));
    assertFalse(SwitchLoads.isSwitch(RACK + "/srv-1"));
    assertFalse(SwitchLoads.isSwitch("us-east/use1-a/aggregate"));
    assertTrue(SwitchLoads.of(null).isEmpty());
    assertTrue(SwitchLoads.of(new Frame(10, -1, new TreeMap<>(Map.of(Frame.key("us-east", "cpu.utilization.mean"), 0.5)))).isEmpty());
  }
}
