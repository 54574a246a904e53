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

/** A line chart drawn by JFreeChart into an SVG string, to inline in a self-contained page. */
final class SvgChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 340;

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
    for (int i = 0; i < seriesCount; i++) renderer.setSeriesStroke(i, new BasicStroke(1.6f));
    plot.setRenderer(renderer);
  }
}
