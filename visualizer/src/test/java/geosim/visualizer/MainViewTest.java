package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on Monocle's headless platform (no display): the controls exist and drive the run.
 * Waits are for conditions, with a generous timeout for a loaded CI machine; none sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
  private static final long S = 1_000_000_000L;
  /** The reference ping model for 20 minutes, a snapshot every virtual second. */
  private static final String PING = "duration = 20m\nmetrics.interval = 1s\n";

  private MainView view;

  @Start
  void start(Stage stage) {
    view = new MainView();
    stage.setScene(new Scene(view.root(), 1200, 800));
    stage.show();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(view::stopAll);
  }

  @Test
  void everyControlIsThere(FxRobot robot) {
    for (String id : List.of("#open", "#open-run", "#play", "#pause", "#step", "#speed", "#seed", "#restart", "#save-run",
        "#world-map", "#map-legend", "#region-grid", "#chart-latency", "#chart-throughput", "#chart-errors",
        "#chart-utilization", "#status")) {
      assertNotNull(robot.lookup(id).query(), id);
    }
  }

  @Test
  void pauseHoldsVirtualTimeAndStepAdvancesExactlyOneInterval(FxRobot robot) throws Exception {
    ScenarioSettings scenario = ScenarioLoader.parse("live.conf", PING, List.of());
    robot.interact(() -> view.controls().speed.setValue("60x")); // 20 minutes take 20 s: pause catches it
    robot.interact(() -> view.startLive(scenario, true));
    SimulationSource live = view.live();
    assertEquals(-1, live.lastSnapshotNs(), "opened paused: held at time 0");
    robot.clickOn("#play");
    waitFor(() -> live.lastSnapshotNs() >= 2 * S);
    robot.clickOn("#pause");
    waitFor(() -> live.heldAtNs() >= 0);
    long held = live.heldAtNs();
    assertTrue(held < scenario.durationNs() && !live.isFinished(), "paused before the end, at " + held);
    waitFor(() -> view.displayedTimeSeconds().get() == held / 1e9);

    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() >= 0);
    assertEquals(held + scenario.metricsIntervalNs(), live.heldAtNs(), "one step, one interval");
    assertEquals(live.heldAtNs(), live.lastSnapshotNs(), "no snapshot after the step's");
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() >= 0);
    assertEquals(held + 2 * scenario.metricsIntervalNs(), live.lastSnapshotNs());
    waitFor(() -> view.displayedTimeSeconds().get() == (held + 2 * scenario.metricsIntervalNs()) / 1e9);
    waitFor(() -> ((Label) robot.lookup("#status").query()).getText().contains("paused"));

    robot.interact(() -> view.controls().speed.getSelectionModel().select("as fast as possible"));
    assertEquals(Double.POSITIVE_INFINITY, live.speed());
    robot.clickOn("#play");
    waitFor(live::isFinished);
    assertEquals(scenario.durationNs(), live.lastSnapshotNs(), "play runs on to the end");
  }

  @Test
  void replaySliderMovesTheDisplayedTimeAndTheMapColours(FxRobot robot, @TempDir Path run) throws Exception {
    Files.copy(Path.of("../configs/scenarios/atlantic-ping.conf"), run.resolve(RunFolder.RESOLVED));
    Files.writeString(run.resolve(RunFolder.CSV), String.join("\n", RunFolder.HEADER,
        "10,us-east,cpu.utilization.mean,0.1", "10,us-east,ping.rtt.p50Ms,1.5",
        "20,us-east,cpu.utilization.mean,0.55", "20,us-east,ping.rtt.p50Ms,2.5",
        "30,us-east,cpu.utilization.mean,0.9", "30,us-east,ping.rtt.p50Ms,3.5", ""));
    robot.interact(() -> {
      try {
        view.openRun(run);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertEquals(10.0, view.displayedTimeSeconds().get());
    assertTrue(view.map().regionText("us-east").contains("10 %"), view.map().regionText("us-east"));

    robot.interact(() -> view.slider().setValue(24));
    assertEquals(20.0, view.displayedTimeSeconds().get(), "the frame at or before the slider");
    assertTrue(view.map().regionText("us-east").contains("55 %"), view.map().regionText("us-east"));
    assertEquals("20s", ((Label) robot.lookup("#slider-time").query()).getText());

    robot.clickOn("#step");
    assertEquals(30.0, view.displayedTimeSeconds().get(), "step moves to the next interval");
  }

  @Test
  void clickingARegionShowsItsDataCentersRacksAndServers(FxRobot robot) throws Exception {
    ScenarioSettings scenario = ScenarioLoader.load(Path.of("../configs/scenarios/three-regions-ping.conf"), List.of());
    robot.interact(() -> view.startLive(scenario, true));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#region-us-west");
    assertEquals("us-west", view.regionGrid().site().name());
    int servers = scenario.topology().region("us-west").orElseThrow().serverCount();
    assertEquals(servers, serverSquares(robot).size());
    assertFalse(view.live().isFinished());
  }

  /**
   * Issue 9's "a crash marks the server down": the run is held at 5 s, the user right-clicks a
   * server of the drill-down and picks "Crash server"; the run takes the crash at that boundary
   * and records it, and after one step the server's square is drawn down. "Restore server" brings
   * it back up a step later.
   */
  @Test
  void aCrashFromTheRightClickMenuMarksTheServerDownInTheNextFrames(FxRobot robot, @TempDir Path dir) throws Exception {
    String victim = "us-east/use1-a/rack-1/srv-2";
    SimulationSource live = heldAtFiveSecondsInUsEast(robot);
    String id = "#" + RegionGrid.serverId(victim);
    assertEquals(ServerState.UP, stateOf(robot, id));

    robot.rightClickOn(id);
    robot.clickOn("Crash server " + victim);
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() == 10 * S);
    waitFor(() -> stateOf(robot, id) == ServerState.DOWN);
    assertEquals(5 * S, live.injector().taken().get(0).timeNs(), "taken at the boundary the run was held at");
    assertEquals(1L, WaitForAsyncUtils.asyncFx(() -> serverSquares(robot).stream()
        .filter(n -> n.getUserData() == ServerState.DOWN).count()).get(), "only the victim is down");

    robot.rightClickOn(id);
    robot.clickOn("Restore server");
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() == 15 * S);
    waitFor(() -> stateOf(robot, id) == ServerState.UP);
    Path saved = dir.resolve("replay.conf");
    robot.interact(() -> {
      try {
        view.saveReplay(saved);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    var injected = ScenarioLoader.load(saved, List.of()).faults().injected();
    assertEquals(List.of(5 * S, 10 * S), injected.stream().map(e -> e.timeNs()).toList(), "crash and restore: " + injected);
  }

  /** A live run of store-faults-small without its faults, held at 5 s, us-east's servers shown. */
  private SimulationSource heldAtFiveSecondsInUsEast(FxRobot robot) throws Exception {
    ScenarioSettings scenario = ScenarioLoader.load(Path.of("../configs/scenarios/store-faults-small.conf"),
        List.of("faults=[]", "duration=30s", "store.workload.rate-per-server=2"));
    robot.interact(() -> view.startLive(scenario, true));
    SimulationSource live = view.live();
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() == 5 * S);
    robot.clickOn("#region-us-east");
    return live;
  }

  /**
   * The server menu's other faults (issue 7's kinds injected by message): a failed disk takes the
   * server down until its disk is replaced; a slow disk and a gray failure leave it up. Each start
   * and end is taken at the boundary the run is held at, with its kind.
   */
  @Test
  void diskAndGrayFailuresFromTheServerMenuAreTakenWithTheirKinds(FxRobot robot) throws Exception {
    String victim = "us-east/use1-a/rack-1/srv-2";
    SimulationSource live = heldAtFiveSecondsInUsEast(robot);
    String id = "#" + RegionGrid.serverId(victim);
    for (String item : List.of("Fail its disk (its data is lost)", "Slow its disk (x10)",
        "Gray failure (gossips, answers no request)")) {
      robot.rightClickOn(id);
      robot.clickOn(item);
    }
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() == 10 * S);
    waitFor(() -> stateOf(robot, id) == ServerState.DOWN);
    for (String item : List.of("Replace its disk (back empty)", "Heal its disk", "End gray failure")) {
      robot.rightClickOn(id);
      robot.clickOn(item);
    }
    robot.clickOn("#step");
    waitFor(() -> live.heldAtNs() == 15 * S);
    waitFor(() -> stateOf(robot, id) == ServerState.UP);
    var taken = live.injector().taken();
    assertEquals(List.of("disk-failure@5s", "slow-disk@5s", "gray-failure@5s", "disk-failure@10s", "slow-disk@10s",
        "gray-failure@10s"), taken.stream().map(e -> e.fault().kind().configName() + "@" + e.timeNs() / S + "s").toList());
  }

  /**
   * Issue 9's states from the store's state channel, on store-faults-small (srv-1 of us-east crashed
   * from 10 s to 40 s, the regions cut apart from 50 s to 80 s, a snapshot every 5 s): the crashed
   * server is down before its peers' failure detectors convict it, down and detected once they
   * have, up again after the restart; across the partition every server is up but suspected by the
   * other region's peers.
   */
  @Test
  void peersSuspicionsShowAsStatesOfTheDrillDown(FxRobot robot) throws Exception {
    String victim = "us-east/use1-a/rack-1/srv-1";
    robot.interact(() -> view.controls().speed.getSelectionModel().select("as fast as possible"));
    robot.interact(() -> {
      try {
        view.openScenario(Path.of("../configs/scenarios/store-faults-small.conf"),
            List.of("duration=80s", "store.workload.rate-per-server=2"), false, 15 * S);
      } catch (geosim.scenario.ScenarioConfigException e) {
        throw new IllegalStateException(e);
      }
    });
    SimulationSource live = view.live();
    waitFor(() -> live.heldAtNs() == 15 * S);
    robot.clickOn("#region-us-east");
    String id = "#" + RegionGrid.serverId(victim);
    waitFor(() -> stateOf(robot, id) == ServerState.DOWN);
    assertEquals(5L, countOf(robot, ServerState.UP), "the other servers of us-east are up");
    stepTo(robot, live, 40);
    waitFor(() -> stateOf(robot, id) == ServerState.DOWN_SUSPECTED);
    stepTo(robot, live, 45);
    waitFor(() -> stateOf(robot, id) == ServerState.UP);
    stepTo(robot, live, 75);
    waitFor(() -> countOf(robot, ServerState.SUSPECTED) == 6);
    assertEquals(ServerState.SUSPECTED, stateOf(robot, id));
  }

  private void stepTo(FxRobot robot, SimulationSource live, long seconds) throws Exception {
    while (live.heldAtNs() < seconds * S) {
      long from = live.heldAtNs();
      robot.interact(() -> view.controls().step.fire()); // the Step button, without moving the mouse
      waitFor(() -> live.heldAtNs() > from);
    }
  }

  private long countOf(FxRobot robot, ServerState state) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> serverSquares(robot).stream().filter(n -> n.getUserData() == state).count()).get();
  }

  /** The state a server's square shows, read on the FX thread (the grid is rebuilt with every frame); null when absent. */
  private static Object stateOf(FxRobot robot, String id) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().map(javafx.scene.Node::getUserData).orElse(null))
        .get();
  }

  private java.util.Set<javafx.scene.Node> serverSquares(FxRobot robot) {
    return robot.from(view.regionGrid()).lookup((java.util.function.Predicate<javafx.scene.Node>)
        n -> n instanceof Rectangle && n.getId() != null && n.getId().startsWith("server-")).queryAll();
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
