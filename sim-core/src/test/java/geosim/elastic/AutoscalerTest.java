package geosim.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscalerTest {
  private static final long S = 1_000_000_000L;
  private static final long MIN = 60 * S;

  private static AutoscalerSettings tracking(int min, int max, long cooldownNs, long delayNs, long drainNs) {
    return new AutoscalerSettings(new TargetTracking(0.5), min, max, List.of(), cooldownNs, cooldownNs, delayNs, drainNs, MIN);
  }

  @Test
  void targetTrackingScalesInProportionToUtilizationOverTarget() {
    assertEquals(20, new TargetTracking(0.5).desired(new FleetObservation(0, 10, 0, 1.0)));
    assertEquals(10, new TargetTracking(0.5).desired(new FleetObservation(0, 10, 0, 0.5)));
    assertEquals(3, new TargetTracking(0.5).desired(new FleetObservation(0, 10, 0, 0.11)));
  }

  @Test
  void launchedServersServeOnlyAfterTheProvisioningDelay() {
    Autoscaler a = new Autoscaler(tracking(1, 100, 0, 3 * MIN, 0), 10);
    assertEquals(10, a.evaluate(0, 1.0));
    assertEquals(10, a.inService());
    assertEquals(10, a.launching());
    a.advance(3 * MIN - 1);
    assertEquals(10, a.inService());
    a.advance(3 * MIN);
    assertEquals(20, a.inService());
    assertEquals(0, a.launching());
  }

  @Test
  void launchingServersCountTowardCapacitySoNothingIsLaunchedTwice() {
    Autoscaler a = new Autoscaler(tracking(1, 100, 0, 3 * MIN, 0), 10);
    a.evaluate(0, 1.0);
    assertEquals(0, a.evaluate(MIN, 1.0), "20 already on the way");
  }

  @Test
  void cooldownDelaysTheNextScaleOut() {
    Autoscaler a = new Autoscaler(tracking(1, 1000, 5 * MIN, 0, 0), 10);
    assertEquals(10, a.evaluate(0, 1.0));
    assertEquals(0, a.evaluate(4 * MIN, 1.0));
    assertEquals(20, a.evaluate(5 * MIN, 1.0));
  }

  @Test
  void scaleInDrainsAndStaysBilledUntilTheDrainEnds() {
    Autoscaler a = new Autoscaler(tracking(1, 100, 0, 0, 5 * MIN), 10);
    assertEquals(-8, a.evaluate(0, 0.1));
    assertEquals(2, a.inService());
    assertEquals(10, a.held());
    a.advance(5 * MIN);
    assertEquals(2, a.held());
  }

  @Test
  void minAndMaxBoundTheFleet() {
    Autoscaler a = new Autoscaler(tracking(5, 12, 0, 0, 0), 3);
    assertEquals(2, a.evaluate(0, 0.0), "below min: raised to min at once");
    assertEquals(5, a.evaluate(MIN, 1.0), "5 busy servers at twice the target want 10");
    assertEquals(2, a.evaluate(2 * MIN, 1.0), "10 want 20, capped at max 12");
    assertEquals(12, a.inService());
  }

  @Test
  void scheduledActionsReplaceTheBoundsFromTheirTime() {
    AutoscalerSettings s = new AutoscalerSettings(AutoscalingPolicy.NONE, 1, 100,
        List.of(new ScheduledAction(10 * MIN, 40, 100), new ScheduledAction(20 * MIN, 1, 5)), 0, 0, 0, 0, MIN);
    Autoscaler a = new Autoscaler(s, 10);
    assertEquals(0, a.evaluate(0, 0.5));
    assertEquals(30, a.evaluate(10 * MIN, 0.5));
    assertEquals(-35, a.evaluate(20 * MIN, 0.5));
    assertEquals(5, a.inService());
  }

  @Test
  void stepScalingChangesByTheFirstMatchingStepAtLeastOneServer() {
    StepScaling p = new StepScaling(List.of(new ScalingStep(0.8, 1, 0.5), new ScalingStep(0, 0.3, -0.2)));
    assertEquals(15, p.desired(new FleetObservation(0, 10, 0, 0.9)));
    assertEquals(15, p.desired(new FleetObservation(0, 10, 0, 1.0)));
    assertEquals(8, p.desired(new FleetObservation(0, 10, 0, 0.1)));
    assertEquals(10, p.desired(new FleetObservation(0, 10, 0, 0.5)));
    assertEquals(2, p.desired(new FleetObservation(0, 1, 0, 0.9)));
  }

  @Test
  void minAboveMaxIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> tracking(10, 5, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ScheduledAction(0, 6, 5));
  }
}
