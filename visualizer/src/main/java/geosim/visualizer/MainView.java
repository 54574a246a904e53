package geosim.visualizer;

import geosim.kernel.VirtualTime;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The window's content: toolbar, map with region drill-down, charts, replay timeline and status
 * line, and what the controls do. A live run feeds it through a {@link LiveTimeline} and {@link
 * ChartFeed} (snapshots arrive off the FX thread, renders are coalesced); a replay shows the frame
 * at the slider's time. JavaFX thread only, apart from the feed.
 */
final class MainView {
  /** Virtual time the charts span at most; a shorter run spans its duration. */
  static final double WINDOW_SECONDS = 600;
  /** Intervals the charts span at least. */
  private static final int MIN_POINTS = 60;
  /** At most 20 renders per wall second. */
  private static final long REFRESH_MS = 50;
  private static final double STATUS_REFRESH_MS = 500;

  private final ControlBar controls = new ControlBar();
  private final WorldMap map = new WorldMap();
  private final RegionGrid regionGrid = new RegionGrid();
  private final ScrollPane gridScroll = new ScrollPane(regionGrid);
  private final Charts charts = new Charts();
  private final Slider slider = new Slider(0, 1, 0);
  private final Label sliderTime = new Label();
  private final HBox replayBar;
  private final Label status = new Label("Open a scenario file or a recorded run folder.");
  private final BorderPane root = new BorderPane();
  private final ReadOnlyDoubleWrapper displayedTime = new ReadOnlyDoubleWrapper(0);
  private final EventRate eventRate = new EventRate();
  private final ReplayPlayer replayPlayer;

  private final FaultMenu faultMenu = new FaultMenu(() -> this.live, this::noteFault);
  private String faultNote = "";
  private Path scenarioFile;
  private SimulationSource live;
  private ChartFeed feed;
  private RunFolder replay;
  private Timeline replayFrames;
  private Frame shown;
  private double windowSeconds = WINDOW_SECONDS;

  MainView() {
    replayPlayer = new ReplayPlayer(slider, controls::speedValue);
    slider.setId("timeline-slider");
    sliderTime.setId("slider-time");
    sliderTime.setMinWidth(110);
    slider.valueProperty().addListener((o, a, b) -> showReplayAt(b.doubleValue()));
    replayBar = new HBox(8, new Label("Replay"), slider, sliderTime);
    HBox.setHgrow(slider, Priority.ALWAYS);
    replayBar.setPadding(new Insets(4, 8, 0, 8));
    replayBar.setVisible(false);
    replayBar.setManaged(false);
    status.setId("status");
    status.setPadding(new Insets(4, 8, 4, 8));

    gridScroll.setFitToWidth(true);
    map.onRegionClicked(this::showRegion);
    map.setFaults(faultMenu, this::faultPlan);
    regionGrid.setFaults(faultMenu, this::faultPlan);
    SplitPane left = new SplitPane(map, gridScroll);
    left.setOrientation(Orientation.VERTICAL);
    left.setDividerPositions(0.42);
    SplitPane split = new SplitPane(left, charts.node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.5);
    root.setTop(controls.node);
    root.setCenter(split);
    root.setBottom(new VBox(replayBar, status));
    wire();
    // The status also changes without a render (a run finishes, a pause takes hold).
    javafx.animation.Timeline refresh = new javafx.animation.Timeline(
        new javafx.animation.KeyFrame(javafx.util.Duration.millis(STATUS_REFRESH_MS), e -> updateStatus()));
    refresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
    refresh.play();
  }

  Parent root() {
    return root;
  }

  ControlBar controls() {
    return controls;
  }

  WorldMap map() {
    return map;
  }

  RegionGrid regionGrid() {
    return regionGrid;
  }

  Charts charts() {
    return charts;
  }

  Label status() {
    return status;
  }

  /** Virtual time of what the map and charts show, seconds. */
  ReadOnlyDoubleProperty displayedTimeSeconds() {
    return displayedTime.getReadOnlyProperty();
  }

  /** The right-click menus, for tests. */
  FaultMenu faultMenu() {
    return faultMenu;
  }

  /** The faults of what is shown: the live run's (scheduled and injected so far) or the replayed run's. */
  private geosim.faults.FaultPlan faultPlan() {
    if (live != null) return live.faultPlan();
    return replay != null ? replay.scenario().faults().effective() : geosim.faults.FaultPlan.NONE;
  }

  private void noteFault(String note) {
    faultNote = note;
    updateStatus();
  }

  /** The live run, or null. */
  SimulationSource live() {
    return live;
  }

  private void wire() {
    controls.open.setOnAction(e -> chooseScenario());
    controls.openRun.setOnAction(e -> chooseRun());
    controls.play.setOnAction(e -> play());
    controls.pause.setOnAction(e -> pause());
    controls.step.setOnAction(e -> step());
    controls.speed.setOnAction(e -> {
      if (live != null) live.setSpeed(controls.speedValue());
    });
    controls.seed.setOnAction(e -> restart());
    controls.restart.setOnAction(e -> restart());
    controls.save.setOnAction(e -> chooseReplayFile());
  }

  /**
   * Loads {@code file} with {@code overrides} and runs it live, held at time 0 when {@code paused}.
   *
   * @throws ScenarioConfigException when the file is not a valid scenario
   */
  void openScenario(Path file, List<String> overrides, boolean paused) throws ScenarioConfigException {
    openScenario(file, overrides, paused, -1);
  }

  /** As {@link #openScenario(Path, List, boolean)}, pausing by itself at {@code pauseAtNs} when that is >= 0. */
  void openScenario(Path file, List<String> overrides, boolean paused, long pauseAtNs) throws ScenarioConfigException {
    ScenarioSettings scenario = ScenarioLoader.load(file, overrides);
    scenarioFile = file;
    startLive(scenario, paused, pauseAtNs);
  }

  /** Runs {@code scenario} live, held at time 0 when {@code paused}. */
  void startLive(ScenarioSettings scenario, boolean paused) {
    startLive(scenario, paused, -1);
  }

  private void startLive(ScenarioSettings scenario, boolean paused, long pauseAtNs) {
    stopAll();
    LiveTimeline timeline = new LiveTimeline(windowFor(scenario));
    live = new SimulationSource(scenario, controls.speedValue(), paused);
    feed = new ChartFeed(timeline, Platform::runLater, this::showLive);
    controls.seed.setText(Long.toString(scenario.seed()));
    showScenario(scenario);
    replayBar.setVisible(false);
    replayBar.setManaged(false);
    eventRate.reset();
    faultNote = "";
    feed.start(REFRESH_MS);
    if (pauseAtNs >= 0) live.pauseAt(pauseAtNs);
    live.start(feed);
    updateStatus();
  }

  /**
   * Replays a finished run folder, showing its first interval.
   *
   * @throws IOException when the folder holds no readable run
   */
  void openRun(Path folder) throws IOException {
    RunFolder run = RunFolder.read(folder);
    stopAll();
    replay = run;
    replayFrames = new Timeline(Double.POSITIVE_INFINITY);
    run.frames().forEach(replayFrames::add);
    showScenario(run.scenario());
    controls.seed.setText(Long.toString(run.scenario().seed()));
    replayBar.setVisible(true);
    replayBar.setManaged(true);
    slider.setMin(0);
    slider.setMax(replayFrames.latest().timeSeconds());
    slider.setValue(replayFrames.first().timeSeconds());
    showReplayAt(slider.getValue());
  }

  /** The replay slider, for tests. */
  Slider slider() {
    return slider;
  }

  /** Stops whatever runs; call when the window closes. */
  void stopAll() {
    replayPlayer.stop();
    if (live != null) live.stop();
    if (feed != null) feed.stop();
    live = null;
    feed = null;
    replay = null;
    replayFrames = null;
    shown = null;
  }

  private void showScenario(ScenarioSettings scenario) {
    windowSeconds = Math.min(windowFor(scenario), scenario.durationNs() / 1e9);
    map.setSites(MapSites.of(scenario), MapSites.links(scenario));
    regionGrid.clear();
    regionGrid.setPeers(scenario.topology() == null ? 0 : scenario.topology().serverCount() - 1);
    charts.setInstanceHourUsd(scenario.fleet() != null && scenario.fleet().cost().mode() == geosim.cost.CostMode.CLOUD
        ? scenario.fleet().cost().instanceHourUsd() : Double.NaN);
    charts.show(List.of(), 0, windowSeconds);
    displayedTime.set(0);
  }

  /** The charts' span: {@link #WINDOW_SECONDS}, or 60 metrics intervals when those are longer (a 3-day run by 10 minutes). */
  static double windowFor(ScenarioSettings scenario) {
    return Math.max(WINDOW_SECONDS, MIN_POINTS * scenario.metricsIntervalNs() / 1e9);
  }

  private void showLive(LiveTimeline.View view) {
    if (feed == null) return; // a render queued before the run was replaced
    Frame latest = view.latest();
    if (latest != null) eventRate.add(latest.events());
    show(latest, view.frames(), view.latestTimeSeconds());
  }

  private void showReplayAt(double timeSeconds) {
    if (replayFrames == null) return;
    Frame frame = replayFrames.at(timeSeconds);
    sliderTime.setText(VirtualTime.format((long) (frame.timeSeconds() * 1e9)));
    show(frame, replayFrames.window(frame.timeSeconds(), windowSeconds), frame.timeSeconds());
  }

  private void show(Frame frame, List<Frame> window, double timeSeconds) {
    shown = frame;
    map.show(frame);
    regionGrid.refresh(frame);
    charts.show(window, timeSeconds, windowSeconds);
    displayedTime.set(timeSeconds);
    updateStatus();
  }

  /** Shows the drill-down of the region named {@code name}, as a click on it would; false if there is none. */
  boolean selectRegion(String name) {
    return map.click(name);
  }

  private void showRegion(MapSite site) {
    regionGrid.show(site, shown);
  }

  private void updateStatus() {
    ScenarioSettings scenario = live != null ? live.scenario() : replay != null ? replay.scenario() : null;
    if (scenario == null) return;
    String state;
    String rate;
    if (live != null) {
      state = live.description().substring(live.description().lastIndexOf('|') + 2);
      rate = eventRate.perSecond() > 0 ? String.format("%,.0f events/s", eventRate.perSecond()) : "events/s: -";
    } else {
      state = "replay of " + replay.folder();
      rate = replayPlayer.isRunning() ? "playing" : "use the slider";
    }
    status.setText(String.format("scenario %s  |  seed %d  |  %s  |  virtual time %s of %s  |  %s  |  speed %s%s",
        scenario.name(), scenario.seed(), state, VirtualTime.format((long) (displayedTime.get() * 1e9)),
        VirtualTime.format(scenario.durationNs()), rate, controls.speed.getValue(),
        faultNote.isEmpty() ? "" : "  |  " + faultNote));
  }

  private void play() {
    if (live != null) live.resume();
    if (replay != null) replayPlayer.start();
    updateStatus();
  }

  private void pause() {
    if (live != null) live.pause();
    replayPlayer.stop();
    updateStatus();
  }

  private void step() {
    if (live != null) {
      live.pause();
      live.step();
    } else if (replayFrames != null) {
      replayPlayer.stop();
      slider.setValue(nextFrameTime(slider.getValue()));
    }
  }

  private double nextFrameTime(double t) {
    for (Frame f : replayFrames.all()) {
      if (f.timeSeconds() > t) return f.timeSeconds();
    }
    return t;
  }

  private void restart() {
    if (scenarioFile == null) return;
    try {
      long seed = Long.parseLong(controls.seed.getText().trim());
      openScenario(scenarioFile, List.of("seed=" + seed), false);
    } catch (NumberFormatException e) {
      status.setText("seed must be a whole number, got '" + controls.seed.getText() + "'");
    } catch (ScenarioConfigException e) {
      error("Cannot restart the scenario", String.join("\n", e.problems()));
    }
  }

  private void chooseScenario() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a scenario");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.conf)", "*.conf"));
    File file = chooser.showOpenDialog(root.getScene().getWindow());
    if (file == null) return;
    try {
      openScenario(file.toPath(), List.of(), false);
    } catch (ScenarioConfigException e) {
      error("Not a valid scenario", String.join("\n", e.problems()));
    }
  }

  private void chooseReplayFile() {
    if (live == null || live.recordedConfig() == null) {
      status.setText("no live run to save: open a scenario first");
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save this run as a scenario that replays it");
    chooser.setInitialFileName(live.scenario().name() + "-replay.conf");
    File file = chooser.showSaveDialog(root.getScene().getWindow());
    if (file == null) return;
    try {
      saveReplay(file.toPath());
    } catch (IOException e) {
      error("Cannot write " + file, e.getMessage());
    }
  }

  /** Writes the live run's scenario with the faults injected so far to {@code file}. */
  void saveReplay(Path file) throws IOException {
    java.nio.file.Files.writeString(file, live.recordedConfig());
    noteFault("saved " + file.getFileName() + " (" + live.injector().taken().size() + " injected fault changes)");
  }

  private void chooseRun() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a run folder (written by geosim run --out DIR)");
    File folder = chooser.showDialog(root.getScene().getWindow());
    if (folder == null) return;
    try {
      openRun(folder.toPath());
    } catch (IOException e) {
      error("Cannot replay this folder", e.getMessage());
    }
  }

  private static void error(String header, String text) {
    Alert alert = new Alert(Alert.AlertType.ERROR, text);
    alert.setHeaderText(header);
    alert.show();
  }
}
