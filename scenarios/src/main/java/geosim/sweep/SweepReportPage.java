package geosim.sweep;

import geosim.metrics.Estimate;
import geosim.report.AtomicFile;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * {@code sweep-report.html}: for each reported metric and each varied parameter, the mean
 * against the parameter's values with 95% confidence bars; one line per combination of the
 * other varied parameters. Self-contained (inline SVG drawn by JFreeChart).
 */
public final class SweepReportPage {
  public static final String FILE = "sweep-report.html";
  /** Metrics worth a chart: results, not bookkeeping. */
  private static final List<String> PREFIXES = List.of("operations.", "utilization.", "consistency.",
      "cost.", "availability", "events");

  private SweepReportPage() {}

  public static Path render(SweepResults results, Path dir) throws IOException {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>geosim sweep</title><style>body{font-family:sans-serif;margin:2em;max-width:960px}</style>"
        + "</head><body>\n<h1>geosim sweep: " + escape(results.spec().scenarioFile().toString()) + "</h1>\n<p>"
        + results.spec().points().size() + " points × " + results.spec().replications()
        + " replications; bars are 95% confidence intervals (Student t). Data: sweep.csv.</p>\n");
    for (String metric : results.metrics()) {
      if (PREFIXES.stream().noneMatch(metric::startsWith)) continue;
      for (int v = 0; v < results.spec().variations().size(); v++) {
        page.append("<figure>").append(chart(results, metric, v)).append("</figure>\n");
      }
    }
    Path target = dir.resolve(FILE);
    AtomicFile.write(target, page.append("</body></html>\n").toString());
    return target;
  }

  private static String chart(SweepResults results, String metric, int varied) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    Variation axis = results.spec().variations().get(varied);
    for (SweepPoint p : results.spec().points()) {
      Estimate e = results.estimate(p.index(), metric);
      if (e == null) continue;
      double half = Double.isNaN(e.halfWidth()) ? 0 : e.halfWidth();
      data.add(e.mean(), half, others(p, varied), p.values().get(varied));
    }
    JFreeChart chart = ChartFactory.createLineChart(metric + " against " + axis.path(), axis.path(), metric,
        data, PlotOrientation.VERTICAL, data.getRowCount() > 1, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setRenderer(new StatisticalLineAndShapeRenderer(true, true));
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g2 = new SVGGraphics2D(860, 320);
    chart.draw(g2, new Rectangle(0, 0, 860, 320));
    return g2.getSVGElement();
  }

  /** The other varied parameters' values of a point, naming its line. */
  private static String others(SweepPoint p, int varied) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.paths().size(); i++) {
      if (i != varied) parts.add(p.paths().get(i) + "=" + p.values().get(i));
    }
    return parts.isEmpty() ? "mean" : String.join(", ", parts);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
