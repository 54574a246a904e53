package geosim.visualizer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * The four charts against virtual time over a sliding window: latency (p50 dashed, p99 solid, per
 * region and operation), throughput, errors and utilization; {@link ChartSeries} picks their lines.
 * Each chart has its own legend below it, one colour per line (p50 and p99 of one histogram share
 * one), from a 12-colour palette, because JavaFX's default cycles 8 and repeats. JavaFX thread only.
 */
final class Charts {
  private static final int X_TICKS = 6;
  /** Tableau 10 plus two: distinct hues that read on white. */
  private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f3b73", "#8c564b"};

  private final Map<ChartSeries.Kind, LineChart<Number, Number>> charts = new EnumMap<>(ChartSeries.Kind.class);
  private final Map<ChartSeries.Kind, FlowPane> legends = new EnumMap<>(ChartSeries.Kind.class);
  private final Map<ChartSeries.Kind, SortedMap<String, XYChart.Series<Number, Number>>> series =
      new EnumMap<>(ChartSeries.Kind.class);
  private static final String FLEET_TITLE = "Instances (mean over each interval)";
  private final GridPane node = new GridPane();
  private double instanceHourUsd = Double.NaN;

  Charts() {
    add(ChartSeries.Kind.LATENCY, "Latency (solid p99, dashed p50)", "ms", 0, 0);
    add(ChartSeries.Kind.THROUGHPUT, "Throughput (ok)", "per virtual second", 1, 0);
    add(ChartSeries.Kind.ERRORS, "Errors", "per virtual second", 0, 1);
    add(ChartSeries.Kind.UTILIZATION, "Utilization (mean over elements)", "%", 1, 1);
    add(ChartSeries.Kind.FLEET, FLEET_TITLE, "instances", 0, 2);
    GridPane.setColumnSpan(charts.get(ChartSeries.Kind.FLEET).getParent(), 2);
    for (int i = 0; i < 3; i++) {
      RowConstraints r = new RowConstraints();
      r.setVgrow(Priority.ALWAYS);
      node.getRowConstraints().add(r);
    }
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      node.getColumnConstraints().add(c);
    }
    showFleet(false);
    node.setHgap(4);
    node.setVgap(4);
  }

  /**
   * The price of an instance-hour, USD, for the fleet chart's cost rate; NaN when the run has no
   * fleet or is priced as an owned data center (its cost is not per instance-hour).
   */
  void setInstanceHourUsd(double usd) {
    instanceHourUsd = usd;
  }

  /** The fleet chart (instances, cost rate) takes a third row only when a run reports instances. */
  private void showFleet(boolean on) {
    javafx.scene.Node box = charts.get(ChartSeries.Kind.FLEET).getParent();
    box.setVisible(on);
    box.setManaged(on);
    double[] heights = on ? new double[] {37, 37, 26} : new double[] {50, 50, 0};
    for (int i = 0; i < 3; i++) node.getRowConstraints().get(i).setPercentHeight(heights[i]);
  }

  GridPane node() {
    return node;
  }

  /** The chart of {@code kind}, for tests. */
  LineChart<Number, Number> chart(ChartSeries.Kind kind) {
    return charts.get(kind);
  }

  /** Draws the frames of {@code (endSeconds - windowSeconds, endSeconds]}; x runs over that window. */
  void show(List<Frame> frames, double endSeconds, double windowSeconds) {
    double lower = Math.max(0, endSeconds - windowSeconds);
    double upper = Math.max(lower + windowSeconds, endSeconds);
    for (ChartSeries.Kind kind : ChartSeries.Kind.values()) {
      LineChart<Number, Number> chart = charts.get(kind);
      SortedMap<String, List<double[]>> lines = ChartSeries.of(kind, frames);
      SortedMap<String, XYChart.Series<Number, Number>> shown = series.get(kind);
      if (!shown.keySet().equals(lines.keySet())) rebuild(kind, lines.keySet());
      for (Map.Entry<String, List<double[]>> e : lines.entrySet()) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(e.getValue().size());
        for (double[] p : e.getValue()) data.add(new XYChart.Data<>(p[0], p[1]));
        shown.get(e.getKey()).getData().setAll(data);
      }
      NumberAxis y = (NumberAxis) chart.getYAxis();
      boolean flat = allZero(lines.values());
      y.setAutoRanging(!flat);
      if (flat) { // auto-ranging would give a single "0.0" tick: show 0 to 1, as the report does
        y.setLowerBound(0);
        y.setUpperBound(1);
        y.setTickUnit(0.25);
      }
      NumberAxis x = (NumberAxis) chart.getXAxis();
      x.setLowerBound(lower);
      x.setUpperBound(upper);
      x.setTickUnit(niceTick((upper - lower) / X_TICKS));
    }
    double instances = ChartSeries.latestInstances(frames);
    showFleet(!Double.isNaN(instances));
    charts.get(ChartSeries.Kind.FLEET).setTitle(fleetTitle(instances, ChartSeries.latestCostRate(frames)));
  }

  /**
   * The instance chart's title: the instances now and the cost rate the model reports (the fleet,
   * in either pricing mode), else instances times the instance-hour price when that is known.
   */
  private String fleetTitle(double instances, double costRateUsdPerHour) {
    if (Double.isNaN(instances)) return FLEET_TITLE;
    if (!Double.isNaN(costRateUsdPerHour)) {
      return String.format("Instances: %.1f now, cost rate $%,.2f/h", instances, costRateUsdPerHour);
    }
    return Double.isNaN(instanceHourUsd) ? String.format("Instances: %.1f now (mean over each interval)", instances)
        : String.format("Instances: %.1f now, cost rate $%,.2f/h ($%.3f per instance-hour)",
            instances, instances * instanceHourUsd, instanceHourUsd);
  }

  /** A new set of lines (another run, or a metric appeared): new series, colours and legend. */
  private void rebuild(ChartSeries.Kind kind, Iterable<String> labels) {
    LineChart<Number, Number> chart = charts.get(kind);
    SortedMap<String, XYChart.Series<Number, Number>> shown = series.get(kind);
    chart.getData().clear();
    shown.clear();
    FlowPane legend = legends.get(kind);
    legend.getChildren().clear();
    Map<String, String> colours = new TreeMap<>();
    for (String label : labels) {
      XYChart.Series<Number, Number> s = new XYChart.Series<>();
      s.setName(label);
      shown.put(label, s);
      chart.getData().add(s);
      String base = baseOf(label);
      boolean first = !colours.containsKey(base);
      String colour = colours.computeIfAbsent(base, b -> PALETTE[colours.size() % PALETTE.length]);
      String dash = label.endsWith(" p50") ? " -fx-stroke-dash-array: 6 4;" : "";
      s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 1.8;" + dash);
      if (first) legend.getChildren().add(legendItem(base, colour));
    }
  }

  /** The line's name without its percentile: p50 and p99 of one histogram share a colour. */
  static String baseOf(String label) {
    return label.endsWith(" p50") || label.endsWith(" p99") ? label.substring(0, label.length() - 4) : label;
  }

  private static Node legendItem(String text, String colour) {
    Line swatch = new Line(0, 0, 14, 0);
    swatch.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 3;");
    Label l = new Label(text, swatch);
    l.setStyle("-fx-font-size: 10.5px;");
    return l;
  }

  /** True when every point of every line is 0 (or there are none): a chart with nothing to scale. */
  static boolean allZero(Iterable<List<double[]>> lines) {
    for (List<double[]> line : lines) {
      for (double[] p : line) {
        if (p[1] != 0) return false;
      }
    }
    return true;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}: round tick labels. */
  static double niceTick(double raw) {
    if (!(raw > 0)) throw new IllegalArgumentException("raw must be > 0, got " + raw);
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * power >= raw * (1 - 1e-9)) return m * power;
    }
    return 10 * power;
  }

  private void add(ChartSeries.Kind kind, String title, String yLabel, int col, int row) {
    NumberAxis x = new NumberAxis(0, 60, 10);
    x.setLabel("virtual time (s)");
    x.setAutoRanging(false);
    NumberAxis y = new NumberAxis();
    y.setLabel(yLabel);
    y.setForceZeroInRange(true);
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("chart-" + kind.name().toLowerCase(Locale.ROOT));
    chart.setTitle(title);
    chart.setAnimated(false); // animations lag behind a live feed
    chart.setCreateSymbols(false);
    chart.setLegendVisible(false);
    chart.setMinSize(200, 120);
    chart.setPadding(new Insets(2, 8, 0, 2));
    FlowPane legend = new FlowPane(10, 2);
    legend.setPadding(new Insets(0, 6, 4, 12));
    VBox box = new VBox(chart, legend);
    VBox.setVgrow(chart, Priority.ALWAYS);
    charts.put(kind, chart);
    legends.put(kind, legend);
    series.put(kind, new TreeMap<>());
    node.add(box, col, row);
  }
}
