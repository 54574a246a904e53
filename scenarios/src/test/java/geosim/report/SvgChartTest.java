package geosim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Axis labels and colours a reader can use. */
class SvgChartTest {
  @Test
  void aSeriesOfZerosGetsAnAxisFromZeroToOneNotTinyExponents() {
    String svg = SvgChart.lines("t", "x", "y", Map.of("zero", List.of(new double[] {1, 0}, new double[] {2, 0})));
    assertFalse(svg.contains("E-9"), "no +-5E-9 ticks");
    String small = SvgChart.lines("t", "x", "y", Map.of("small", List.of(new double[] {1, 0.002}, new double[] {2, 0.003})));
    assertFalse(small.contains(">1.0<"), "a non-zero series keeps its own range");
    assertTrue(svg.contains("<svg"), "drawn");
  }

  @Test
  void everySeriesOfAFullChartHasItsOwnColourThatStandsOutOnWhite() {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (int i = 0; i < SvgChart.MAX_SERIES; i++) series.put("s" + i, List.of(new double[] {1, i}, new double[] {2, i + 1}));
    String svg = SvgChart.lines("t", "x", "y", series);
    for (Color c : SvgChart.PALETTE) {
      assertTrue(svg.contains("stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")"), c + " drawn");
      // WCAG 2 contrast ratio against white; Okabe-Ito's yellow #F0E442 has 1.2:1, pale grey #DDDDDD 1.4:1.
      assertTrue(contrastOnWhite(c) >= 2.0, c + " has contrast " + contrastOnWhite(c));
    }
    assertEquals(SvgChart.MAX_SERIES, new HashSet<>(SvgChart.PALETTE).size(), "no colour twice");
  }

  /** (1 + 0.05) / (L + 0.05) with L the relative luminance (WCAG 2.1, definitions). */
  private static double contrastOnWhite(Color c) {
    double l = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    return 1.05 / (l + 0.05);
  }

  private static double linear(int channel) {
    double v = channel / 255.0;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
