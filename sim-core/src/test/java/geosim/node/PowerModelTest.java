package geosim.node;

import static geosim.node.DiskTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.topology.DataCenter;
import geosim.topology.DiskKind;
import geosim.topology.Fabric;
import geosim.topology.LinkSpec;
import geosim.topology.Rack;
import geosim.topology.Server;
import geosim.topology.ServerRole;
import geosim.topology.ServerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerModelTest {
  private static final long HOUR_NS = 3_600_000_000_000L;
  private static final PowerModel MODEL = new PowerModel(125, 250, 1.5);

  @Test
  void serverPowerIsLinearBetweenIdleAndPeak() {
    assertEquals(125.0, MODEL.serverWatts(0));
    assertEquals(187.5, MODEL.serverWatts(0.5));
    assertEquals(250.0, MODEL.serverWatts(1));
  }

  @Test
  void facilityPowerIsServerPowerTimesPue() {
    assertEquals(187.5, MODEL.facilityWatts(0));
    assertEquals(281.25, MODEL.facilityWatts(0.5));
    assertEquals(375.0, MODEL.facilityWatts(1));
  }

  @Test
  void energyOfConstantUtilizationIsPowerTimesTime() {
    assertEquals(0.28125, MODEL.facilityEnergyKwh(0.5, HOUR_NS), 1e-12);
    assertEquals(0.0, MODEL.facilityEnergyKwh(1, 0));
  }

  @Test
  void energyFromBusyTimeIntegratesPiecewiseConstantUtilization() {
    // Two cores: both busy for 20 min, one for 10 min, none for 30 min: u = 1, 0.5, 0.
    Cpu cpu = new Cpu(2);
    long min = 60_000_000_000L;
    cpu.submit(0, 20 * min);
    cpu.submit(0, 30 * min);
    double segments = MODEL.facilityEnergyKwh(1, 20 * min) + MODEL.facilityEnergyKwh(0.5, 10 * min)
        + MODEL.facilityEnergyKwh(0, 30 * min);
    assertEquals(segments, MODEL.facilityEnergyKwh(cpu.busyCoreNs(60 * min), 2, 60 * min), 1e-12);
    assertEquals((125 + 125 * 50.0 / 120) * 1.5 / 1_000, segments, 1e-12); // 0.265625 kWh
  }

  @Test
  void defaultsTakeThePueOfTheDataCenter() {
    ServerSpec spec = new ServerSpec(ServerRole.STORE, 16, 64, DiskKind.SSD, 10);
    Rack rack = new Rack("rack-1", 4, List.of(new Server("srv-1", spec)));
    Fabric fabric = new Fabric(2, 4, 40_000, 40, new LinkSpec(250_000, 100));
    PowerModel model = PowerModel.defaultsIn(new DataCenter("use1-a", 1.58, fabric, List.of(rack)));
    assertEquals(new PowerModel(125, 250, 1.58), model);
  }

  @Test
  void rejectsValuesOutOfRangeNamingTheParameter() {
    assertMessage("utilization must be between 0 and 1, got 1.01", () -> MODEL.serverWatts(1.01));
    assertMessage("utilization must be between 0 and 1, got -0.1", () -> MODEL.facilityWatts(-0.1));
    assertMessage("utilization must be between 0 and 1, got NaN", () -> MODEL.serverWatts(Double.NaN));
    assertMessage("intervalNs must be >= 0, got -1", () -> MODEL.facilityEnergyKwh(0.5, -1));
    assertMessage("busyCoreNs must be between 0 and cores x intervalNs = 20, got 21",
        () -> MODEL.facilityEnergyKwh(21, 2, 10));
    assertMessage("idleWatts must be between 0 and peakWatts = 100.0, got 101.0", () -> new PowerModel(101, 100, 1));
    assertMessage("peakWatts must be > 0 and <= 100000.0, got 0.0", () -> new PowerModel(0, 0, 1));
    assertMessage("pue must be between 1 and 5.0, got 0.9", () -> new PowerModel(50, 100, 0.9));
  }
}
