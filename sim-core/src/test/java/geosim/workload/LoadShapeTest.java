package geosim.workload;

import static geosim.workload.LoadShape.DAY_NS;
import static geosim.workload.LoadShape.HOUR_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadShapeTest {
  @Test
  void diurnalPeaksAtItsLocalHourAndTroughsTwelveHoursLater() {
    // Peak at 20:00 local in UTC-5: 01:00 UTC.
    LoadShape d = new LoadShape.Diurnal(20, 0.2, -5);
    assertEquals(1, d.factor(HOUR_NS), 1e-12);
    assertEquals(0.2, d.factor(13 * HOUR_NS), 1e-12);
    assertEquals(0.6, d.factor(7 * HOUR_NS), 1e-12); // a quarter of a day away: half way
    assertEquals(d.factor(HOUR_NS + 3 * DAY_NS), 1, 1e-12);
  }

  @Test
  void weekendsFollowLocalTimeFromAMondayStart() {
    LoadShape utc = new LoadShape.Weekly(1.5, 0);
    assertEquals(1, utc.factor(0));
    assertEquals(1, utc.factor(5 * DAY_NS - 1)); // Friday 23:59:59.999
    assertEquals(1.5, utc.factor(5 * DAY_NS)); // Saturday 00:00
    assertEquals(1.5, utc.factor(7 * DAY_NS - 1));
    assertEquals(1, utc.factor(7 * DAY_NS));
    // In UTC-5 the run starts on Sunday 19:00 local.
    LoadShape east = new LoadShape.Weekly(1.5, -5);
    assertEquals(1.5, east.factor(0));
    assertEquals(1, east.factor(5 * HOUR_NS));
  }

  @Test
  void anMmoLaunchStartsAtTheDayOneShareAndSettlesTowardTheSettledShare() {
    LoadShape mmo = new LoadShape.MmoLaunch(DAY_NS, 0.5, 0.2, 3 * DAY_NS);
    assertEquals(0, mmo.factor(DAY_NS - 1));
    assertEquals(0.5, mmo.factor(DAY_NS), 1e-12);
    assertEquals(0.2 + 0.3 / Math.E, mmo.factor(4 * DAY_NS), 1e-12);
    assertEquals(0.2, mmo.factor(100 * DAY_NS), 1e-6);
  }

  @Test
  void aFlashCrowdGrowsExponentiallyFrom50To5000InThreeDays() {
    LoadShape crowd = new LoadShape.FlashCrowd(0, 3 * DAY_NS, 50, 5000);
    assertEquals(50, crowd.factor(0), 1e-9);
    assertEquals(500, crowd.factor(3 * DAY_NS / 2), 1e-9); // the geometric mean half way
    assertEquals(5000, crowd.factor(3 * DAY_NS), 1e-9);
    assertEquals(5000, crowd.factor(30 * DAY_NS), 1e-9);
  }

  @Test
  void stepsRampsAndTracesAreWhatTheySay() {
    LoadShape steps = new LoadShape.Steps(new long[] {10, 20}, new double[] {3, 0.5});
    assertEquals(1, steps.factor(9));
    assertEquals(3, steps.factor(10));
    assertEquals(0.5, steps.factor(25));
    assertEquals(3, steps.upperBound(0, 30));
    LoadShape ramp = new LoadShape.Ramp(100, 200, 1, 3);
    assertEquals(2, ramp.factor(150), 1e-12);
    LoadShape trace = new LoadShape.Trace("t.csv", new long[] {0, 10, 20}, new double[] {4, 8, 0});
    assertEquals(6, trace.factor(5), 1e-12);
    assertEquals(0, trace.factor(99));
    assertEquals(8, trace.upperBound(1, 19));
    assertEquals(6, trace.upperBound(0, 5), 1e-12);
  }

  @Test
  void aProductMultipliesFactorsAndBounds() {
    LoadShape p = LoadShape.product(List.of(new LoadShape.Constant(2), new LoadShape.Ramp(0, 10, 1, 3)));
    assertEquals(4, p.factor(5), 1e-12);
    assertEquals(6, p.upperBound(0, 10), 1e-12);
  }

  @Test
  void everyBoundIsAtLeastTheFactorInsideItsInterval() {
    StreamRandom r = new StreamRandom(42);
    for (int trial = 0; trial < 300; trial++) {
      double offset = Math.floor(r.nextDouble() * 25) - 12;
      List<LoadShape> shapes = List.of(
          new LoadShape.Diurnal(r.nextDouble() * 24, r.nextDouble(), offset),
          new LoadShape.Weekly(r.nextDouble() * 3, offset),
          new LoadShape.MmoLaunch((long) (r.nextDouble() * 3 * DAY_NS), r.nextDouble(), r.nextDouble(),
              1 + (long) (r.nextDouble() * 5 * DAY_NS)),
          new LoadShape.FlashCrowd((long) (r.nextDouble() * DAY_NS), 1 + (long) (r.nextDouble() * 3 * DAY_NS),
              0.1 + r.nextDouble() * 10, 0.1 + r.nextDouble() * 10),
          new LoadShape.Ramp(0, 1 + (long) (r.nextDouble() * DAY_NS), r.nextDouble() * 5, r.nextDouble() * 5),
          new LoadShape.Trace("t", new long[] {0, HOUR_NS, 5 * HOUR_NS, DAY_NS},
              new double[] {r.nextDouble(), 5 * r.nextDouble(), r.nextDouble(), 2 * r.nextDouble()}));
      long from = (long) (r.nextDouble() * 10 * DAY_NS);
      long to = from + (long) (r.nextDouble() * (trial % 2 == 0 ? HOUR_NS : 3 * DAY_NS));
      for (LoadShape shape : shapes) {
        double bound = shape.upperBound(from, to);
        for (int i = 0; i <= 400; i++) {
          long t = from + (long) ((to - from) * (i / 400.0));
          assertTrue(shape.factor(t) <= bound + 1e-9, shape + " at " + t + " in [" + from + ", " + to + "]: "
              + shape.factor(t) + " > " + bound);
        }
      }
    }
  }

  @Test
  void badParametersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Constant(-1));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Constant(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Steps(new long[] {5, 5}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Ramp(10, 10, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Diurnal(24, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.FlashCrowd(0, DAY_NS, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new LoadShape.Trace("t", new long[] {2, 1}, new double[] {1, 1}));
  }
}
