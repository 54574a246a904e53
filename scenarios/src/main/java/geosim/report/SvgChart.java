package geosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A line chart drawn by JFreeChart into an SVG string, to inline in a self-contained page.
 *
 * <p>Series take their colours from {@link #PALETTE}: the Okabe-Ito colour-blind-safe qualitative
 * palette [1] without its yellow (#F0E442, too pale on white), with the wine of Paul Tol's muted
 * scheme [2] as the eighth colour. A page draws at most {@link #MAX_SERIES} series in a chart
 * ({@link ReportPage#figure} splits longer lists), so every line has a colour of its own; beyond
 * that (a caller that does not split) colours repeat, dashed.
 *
 * <p>[1] M. Okabe, K. Ito, "Color Universal Design (CUD): how to make figures and presentations
 * that are friendly to colorblind people", J*FLY, 2002/2008, https://jfly.uni-koeln.de/color/.
 * [2] P. Tol, "Colour Schemes", SRON technical note SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/.
 */
final class SvgChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 340;
  /**
   * Series colours in order: blue, vermillion, bluish green, reddish purple, black, wine, then the
   * two lightest (orange and sky blue, about 2.2:1 against white) for charts of seven or eight lines.
   */
  static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0x000000), new Color(0x882255), new Color(0xE69F00), new Color(0x56B4E9));
  /** The most series a chart of the report holds. */
  static final int MAX_SERIES = PALETTE.size();

  private SvgChart() {}

  /** One line per named series of (x, y) points. */
  static String lines(String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    JFreeChart chart = chart(title, xLabel, yLabel, series);
    style(chart, series.size());
    return svg(chart);
  }

  /**
   * Whole counts that hold from one point to the next (states sampled at snapshots), as steps
   * in the given colours (by series name), on integer ticks. Earlier series are drawn wider, so
   * a later one on the same value leaves them visible at its sides.
   */
  static String steps(String title, String xLabel, String yLabel, Map<String, List<double[]>> series,
      Map<String, Color> colours) {
    JFreeChart chart = chart(title, xLabel, yLabel, series);
    style(chart, 0);
    XYPlot plot = chart.getXYPlot();
    XYStepRenderer renderer = new XYStepRenderer();
    int i = 0;
    for (String name : series.keySet()) {
      renderer.setSeriesPaint(i, colours.getOrDefault(name, Color.DARK_GRAY));
      renderer.setSeriesStroke(i, new BasicStroke(Math.max(1.6f, 2f * (series.size() - i))));
      i++;
    }
    plot.setRenderer(renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return svg(chart);
  }

  private static JFreeChart chart(String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) s.add(p[0], p[1]);
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    // All zero: 0 to 1, not the auto range's +-5E-9 around nothing.
    if (series.values().stream().flatMap(List::stream).allMatch(p -> p[1] == 0)) {
      chart.getXYPlot().getRangeAxis().setRange(0, 1);
    }
    return chart;
  }

  private static String svg(JFreeChart chart) {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g2.getSVGElement();
  }

  private static void style(JFreeChart chart, int seriesCount) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < seriesCount; i++) {
      renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
      renderer.setSeriesStroke(i, i < PALETTE.size() ? new BasicStroke(1.8f)
          : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    plot.setRenderer(renderer);
  }
}
