package geosim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
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
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (double[] p : e.getValue()) s.add(p[0], p[1]);
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    style(chart, series.size());
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
