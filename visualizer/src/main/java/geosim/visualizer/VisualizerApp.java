package geosim.visualizer;

import geosim.scenario.ScenarioConfigException;
import java.io.IOException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The geosim desktop app: a {@link MainView} in a window, opening what {@link Launcher} was asked
 * to. Start it through {@link Launcher} so a plain classpath works.
 */
public final class VisualizerApp extends Application {
  static final int WIDTH = 1440;
  static final int HEIGHT = 900;

  /** Set by {@link Launcher} before {@link Application#launch}; read on the FX thread. */
  static volatile LaunchRequest request = LaunchRequest.empty();

  private MainView view;

  @Override
  public void start(Stage stage) throws ScenarioConfigException, IOException {
    view = new MainView();
    LaunchRequest r = request;
    view.controls().selectSpeed(r.speed());
    stage.setTitle("geosim visualizer");
    stage.setScene(new Scene(view.root(), WIDTH, HEIGHT));
    stage.show();
    // The Launcher checked both before the window opened; a failure here is a race with the file system.
    if (r.scenario() != null) {
      view.openScenario(r.scenario(), r.overrides(), r.paused(), Math.round(r.pauseAtSeconds() * 1e9));
    }
    if (r.runFolder() != null) {
      view.openRun(r.runFolder());
      if (r.pauseAtSeconds() >= 0) view.slider().setValue(r.pauseAtSeconds());
    }
    if (r.region() != null && !view.selectRegion(r.region())) {
      view.status().setText("no region '" + r.region() + "' in this scenario");
    }
  }

  @Override
  public void stop() {
    if (view != null) view.stopAll();
  }
}
