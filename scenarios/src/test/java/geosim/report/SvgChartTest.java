package geosim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Axis labels a reader can use. */
class SvgChartTest {
  @Test
  void aSeriesOfZerosGetsAnAxisFromZeroToOneNotTinyExponents() {
    String svg = SvgChart.lines("t", "x", "y", Map.of("zero", List.of(new double[] {1, 0}, new double[] {2, 0})));
    assertFalse(svg.contains("E-9"), "no +-5E-9 ticks");
    String small = SvgChart.lines("t", "x", "y", Map.of("small", List.of(new double[] {1, 0.002}, new double[] {2, 0.003})));
    assertFalse(small.contains(">1.0<"), "a non-zero series keeps its own range");
    assertTrue(svg.contains("<svg"), "drawn");
  }
}
