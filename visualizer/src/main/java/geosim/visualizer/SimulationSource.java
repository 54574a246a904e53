package geosim.visualizer;

import geosim.faults.FaultPlan;
import geosim.kernel.RunControl;
import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.scenario.FaultInjector;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Snapshots of a live simulation run, with play, pause, step and speed. The run goes on a thread of
 * its own; the kernel's {@link RunControl} pauses and steps it at snapshot boundaries, and after
 * each snapshot the source waits until wall time catches up with {@code speed} times real time.
 * Both act only between windows, so they change when the run computes, never what: the snapshots
 * equal a headless run's.
 */
final class SimulationSource implements SnapshotSource {
  private final ScenarioSettings scenario;
  private final boolean startPaused;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile double speed;
  private volatile long pauseAtNs = -1;
  private volatile boolean stopped;
  private volatile boolean finished;
  private volatile boolean reanchor = true;
  private volatile String outcome = "";
  private volatile RunControl control;
  private volatile FaultInjector injector;
  private volatile Simulation simulation;
  private volatile long lastSnapshotNs = -1;
  private volatile long heldAtNs = -1;
  private long wallAnchorNs;
  private long virtualAnchorNs;

  /**
   * @param speed virtual seconds per wall second, > 0; {@code Double.POSITIVE_INFINITY} runs as
   *     fast as possible
   * @param startPaused hold the run at virtual time 0 until {@link #resume} or {@link #step}
   */
  SimulationSource(ScenarioSettings scenario, double speed, boolean startPaused) {
    checkSpeed(speed);
    this.scenario = scenario;
    this.speed = speed;
    this.startPaused = startPaused;
  }

  SimulationSource(ScenarioSettings scenario, double speed) {
    this(scenario, speed, false);
  }

  @Override
  public void start(SnapshotObserver observer) {
    if (!started.compareAndSet(false, true)) throw new IllegalStateException("already started");
    Simulation simulation = Simulation.create(scenario).recordPerElement(); // the heat map's colours
    control = simulation.control();
    injector = simulation.faultInjector();
    this.simulation = simulation;
    if (startPaused) control.pause();
    simulation.observe(s -> {
      if (pauseAtNs >= 0 && s.timeNs() >= pauseAtNs) {
        pauseAtNs = -1;
        control.pause();
      }
      observer.onSnapshot(s);
      pace(s);
      lastSnapshotNs = s.timeNs();
      // The kernel asks the control right after its observers return: paused now means held here.
      heldAtNs = isPaused() ? s.timeNs() : -1;
    });
    simulation.stopWhen(s -> stopped);
    Thread runner = new Thread(() -> run(simulation), "geosim-simulation");
    runner.setDaemon(true);
    runner.start();
  }

  private void run(Simulation simulation) {
    try {
      var result = simulation.run();
      outcome = stopped ? "stopped" : String.format("finished: %,d events, %s", result.events(), VirtualTime.format(result.endTimeNs()));
    } catch (RuntimeException e) {
      outcome = "run failed: " + e.getMessage();
    } finally {
      finished = true;
    }
  }

  /** Sleeps until wall time reaches the snapshot's virtual time divided by the speed. */
  private void pace(Snapshot s) {
    double v = speed;
    if (reanchor || isPaused()) {
      reanchor = false;
      wallAnchorNs = System.nanoTime();
      virtualAnchorNs = s.timeNs();
    }
    if (Double.isInfinite(v) || isPaused()) return;
    long dueNs = wallAnchorNs + (long) ((s.timeNs() - virtualAnchorNs) / v);
    long waitMs = (dueNs - System.nanoTime()) / 1_000_000;
    while (waitMs > 0 && !stopped && !reanchor && !isPaused()) {
      try {
        Thread.sleep(Math.min(waitMs, 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      waitMs = (dueNs - System.nanoTime()) / 1_000_000;
    }
  }

  /**
   * The run's fault injector (the context menus' faults go there, taken at the next snapshot
   * boundary and recorded); null before {@link #start}.
   */
  FaultInjector injector() {
    return injector;
  }

  /** The scenario's faults and those injected so far, with their ends as known; the scenario's alone before the start. */
  FaultPlan faultPlan() {
    FaultInjector i = injector;
    return i == null ? scenario.faults() : i.plan();
  }

  /**
   * The resolved scenario with the faults injected so far ({@code injected-faults}): running it
   * replays this run. Null before {@link #start}.
   */
  String recordedConfig() {
    Simulation s = simulation;
    return s == null ? null : s.renderResolved();
  }

  /** Holds the run at the next snapshot boundary. */
  void pause() {
    if (control != null) control.pause();
  }

  /** Pauses the run by itself at the first snapshot at or after {@code timeNs}; call before {@link #start}. */
  void pauseAt(long timeNs) {
    pauseAtNs = timeNs;
  }

  /** Virtual time of the latest snapshot, ns; -1 before the first. */
  long lastSnapshotNs() {
    return lastSnapshotNs;
  }

  /** Virtual time at which a paused run holds, ns; -1 while it runs (or has not reached a boundary). */
  long heldAtNs() {
    return heldAtNs;
  }

  /** Lets a paused run go on at the current speed. */
  void resume() {
    heldAtNs = -1;
    reanchor = true;
    if (control != null) control.resume();
  }

  /** Lets a paused run advance exactly one metrics interval. */
  void step() {
    heldAtNs = -1;
    if (control != null) control.step();
  }

  boolean isPaused() {
    RunControl c = control;
    return c == null ? startPaused : c.isPaused();
  }

  /** True once the run has ended (its duration reached, stopped, or failed). */
  boolean isFinished() {
    return finished;
  }

  /** @param speed virtual seconds per wall second, > 0, or infinite for as fast as possible */
  void setSpeed(double speed) {
    checkSpeed(speed);
    this.speed = speed;
    reanchor = true;
  }

  double speed() {
    return speed;
  }

  ScenarioSettings scenario() {
    return scenario;
  }

  @Override
  public void stop() {
    stopped = true;
    RunControl c = control;
    if (c != null) c.resume(); // a paused run must reach its next boundary to see the stop
  }

  @Override
  public String description() {
    String state = finished ? outcome : isPaused() ? "paused" : "running";
    return "scenario " + scenario.name() + " | seed " + scenario.seed() + " | " + state;
  }

  private static void checkSpeed(double speed) {
    if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0, got " + speed);
  }
}
