package geosim.visualizer;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The geosim desktop app: live latency and rate charts of a run.
 *
 * <p>Shows a live run of the scenario given to {@link Launcher}, or with {@code --demo} synthetic
 * snapshots ({@link DemoSnapshotSource}). Start it through {@link Launcher} so a plain classpath
 * works.
 */
public final class VisualizerApp extends Application {

  /** Seed of the demo's synthetic run; fixed so every demo shows the same curves. */
  static final long DEMO_SEED = 42;
  /** Virtual time the charts span: 10 minutes. */
  static final long WINDOW_NS = 600_000_000_000L;
  /** Enough for a 10-minute window at 100 ms metrics intervals. */
  private static final int MAX_POINTS_PER_SERIES = 6_000;
  /** 50 ms: at most 20 chart refreshes per wall second. */
  private static final long REFRESH_MS = 50;
  /** Wall time per demo snapshot: one virtual second per 0.1 s, 10x real time. */
  private static final long DEMO_WALL_MS_PER_SNAPSHOT = 100;

  private SnapshotSource source;
  private ChartFeed feed;

  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    LiveCharts charts = new LiveCharts(WINDOW_NS / 1e9);
    Label status = new Label();
    status.setPadding(new Insets(4, 8, 4, 8));
    BorderPane root = new BorderPane(charts.node());
    root.setBottom(status);
    root.setPadding(new Insets(8));

    LiveSeries series = new LiveSeries(WINDOW_NS, MAX_POINTS_PER_SERIES);
    source = Launcher.pendingSource != null ? Launcher.pendingSource
        : args.contains("--demo") ? new DemoSnapshotSource(DEMO_SEED, DEMO_WALL_MS_PER_SNAPSHOT) : null;
    SnapshotSource shown = source;
    status.setText(shown == null ? "no source attached: give a scenario file, or --demo" : shown.description());
    feed = new ChartFeed(series, Platform::runLater, view -> {
      charts.show(view);
      status.setText(String.format("%s  |  virtual time %.0f s", shown.description(), view.latestTimeSeconds()));
    });

    stage.setTitle("geosim");
    stage.setScene(new Scene(root, 1200, 760));
    stage.show();
    feed.start(REFRESH_MS);
    if (source != null) {
      source.start(feed);
    }
  }

  @Override
  public void stop() {
    if (source != null) {
      source.stop();
    }
    if (feed != null) {
      feed.stop();
    }
  }
}
