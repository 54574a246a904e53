package geosim.visualizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The two live charts: p50/p99 latency per histogram name, and rate per counter, both against
 * virtual time over the {@link LiveSeries} window. JavaFX thread only.
 */
final class LiveCharts {

  private static final int X_TICKS = 10;

  private final double windowSeconds;
  private final LineChart<Number, Number> latencyChart;
  private final LineChart<Number, Number> rateChart;
  private final SortedMap<String, XYChart.Series<Number, Number>> latencySeries = new TreeMap<>();
  private final SortedMap<String, XYChart.Series<Number, Number>> rateSeries = new TreeMap<>();
  private final VBox node;

  /** @param windowSeconds width of the x axis, in virtual seconds; {@code > 0} */
  LiveCharts(double windowSeconds) {
    if (!(windowSeconds > 0)) {
      throw new IllegalArgumentException("windowSeconds must be > 0, got " + windowSeconds);
    }
    this.windowSeconds = windowSeconds;
    latencyChart = chart("Latency per operation (p50, p99)", "latency (ms)");
    rateChart = chart("Counter rates", "rate (per virtual second)");
    node = new VBox(8, latencyChart, rateChart);
    VBox.setVgrow(latencyChart, Priority.ALWAYS);
    VBox.setVgrow(rateChart, Priority.ALWAYS);
  }

  VBox node() {
    return node;
  }

  /** Replaces the charts' data with the view's and slides the time axes to its latest time. */
  void show(LiveSeries.View view) {
    for (Map.Entry<String, List<LiveSeries.LatencyPoint>> e : view.latency().entrySet()) {
      List<LiveSeries.LatencyPoint> points = e.getValue();
      setData(latencyChart, latencySeries, e.getKey() + " p50", points, p -> p.p50Ms());
      setData(latencyChart, latencySeries, e.getKey() + " p99", points, p -> p.p99Ms());
    }
    for (Map.Entry<String, List<LiveSeries.RatePoint>> e : view.rates().entrySet()) {
      setData(rateChart, rateSeries, e.getKey(), e.getValue(), p -> p.perSecond());
    }
    double upper = Math.max(windowSeconds, view.latestTimeSeconds());
    slide(latencyChart, upper);
    slide(rateChart, upper);
  }

  private <P extends LiveSeries.Point> void setData(
      LineChart<Number, Number> chart,
      SortedMap<String, XYChart.Series<Number, Number>> byName,
      String name,
      List<P> points,
      ToDoubleFunction<P> y) {
    XYChart.Series<Number, Number> series = byName.computeIfAbsent(name, n -> {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(n);
      chart.getData().add(s);
      return s;
    });
    List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
    for (P p : points) {
      data.add(new XYChart.Data<>(p.timeSeconds(), y.applyAsDouble(p)));
    }
    series.getData().setAll(data);
  }

  private void slide(LineChart<Number, Number> chart, double upper) {
    NumberAxis x = (NumberAxis) chart.getXAxis();
    x.setLowerBound(upper - windowSeconds);
    x.setUpperBound(upper);
  }

  private LineChart<Number, Number> chart(String title, String yLabel) {
    NumberAxis x = new NumberAxis(0, windowSeconds, windowSeconds / X_TICKS);
    x.setLabel("virtual time (s)");
    x.setAutoRanging(false);
    x.setForceZeroInRange(false);
    NumberAxis y = new NumberAxis();
    y.setLabel(yLabel);
    y.setForceZeroInRange(true);
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setTitle(title);
    chart.setAnimated(false); // animations lag behind a live feed and blur the lines
    chart.setCreateSymbols(false);
    chart.setMinHeight(200);
    return chart;
  }
}
