package geosim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import geosim.metrics.Estimate;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class SweepTest {
  @Test
  void variationsParseAndRejectMalformedText() {
    assertEquals(new Variation("ping.remote-fraction", List.of("0.1", "0.5")), Variation.parse("ping.remote-fraction=0.1, 0.5"));
    assertEquals("--vary engine.partitions: expected path=v1,v2,...",
        assertThrows(IllegalArgumentException.class, () -> Variation.parse("engine.partitions")).getMessage());
    assertEquals("--vary a=1,,2: empty value",
        assertThrows(IllegalArgumentException.class, () -> Variation.parse("a=1,,2")).getMessage());
  }

  @Test
  void theFactorialVariesTheFirstPathSlowest() {
    List<SweepPoint> points = SweepPoint.factorial(List.of(Variation.parse("a=1,2"), Variation.parse("b=x,y,z")));
    assertEquals(6, points.size());
    assertEquals(List.of("1", "x"), points.get(0).values());
    assertEquals(List.of("1", "z"), points.get(2).values());
    assertEquals(List.of("2", "x"), points.get(3).values());
    assertEquals(List.of("a=2", "b=z"), points.get(5).overrides());
    assertEquals(5, points.get(5).index());
  }

  @Test
  void confidenceIntervalsMatchCommonsMathAndTheTextbook() {
    double[] values = {1, 2, 3, 4, 5};
    Estimate e = Estimate.of(values);
    // Textbook: mean 3, s = 1.58114, t(0.975, 4) = 2.77645, half-width = t * s / sqrt(5) = 1.96324.
    assertEquals(3.0, e.mean(), 1e-12);
    assertEquals(1.96324, e.halfWidth(), 1e-5);
    SummaryStatistics stats = new SummaryStatistics();
    double[] other = {10.5, 9.75, 12.25, 11.0, 10.0, 13.5, 9.0};
    for (double v : other) stats.addValue(v);
    double t = new TDistribution(6).inverseCumulativeProbability(0.975);
    Estimate o = Estimate.of(other);
    assertEquals(stats.getMean(), o.mean(), 1e-12);
    assertEquals(t * stats.getStandardDeviation() / Math.sqrt(7), o.halfWidth(), 1e-12);
    assertTrue(Double.isNaN(Estimate.of(new double[] {4}).halfWidth()), "one replication: no interval");
  }

  @Test
  void replicationSeedsAreDerivedDeterministicallyAndDiffer() {
    SweepSpec a = new SweepSpec(java.nio.file.Path.of("x.conf"), "text", List.of(), List.of(Variation.parse("a=1")), 3, 1);
    SweepSpec b = new SweepSpec(java.nio.file.Path.of("x.conf"), "text", List.of(), List.of(Variation.parse("a=1")), 3, 1);
    assertEquals(a.replicationSeed(2), b.replicationSeed(2));
    assertTrue(a.replicationSeed(0) != a.replicationSeed(1));
    assertEquals(a.fingerprint(), b.fingerprint());
    SweepSpec changed = new SweepSpec(java.nio.file.Path.of("x.conf"), "text2", List.of(), List.of(Variation.parse("a=1")), 3, 1);
    assertTrue(!a.fingerprint().equals(changed.fingerprint()), "a changed file is another sweep");
  }
}
