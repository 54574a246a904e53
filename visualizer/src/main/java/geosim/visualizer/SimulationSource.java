package geosim.visualizer;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.kernel.VirtualTime;
import geosim.scenario.ScenarioSettings;
import geosim.scenario.Simulation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Snapshots of a live simulation run. The run goes on a thread of its own; after each snapshot
 * the source waits until wall time catches up with {@code speed} times real time, which
 * throttles the run without changing it (the kernel acts only between windows).
 */
final class SimulationSource implements SnapshotSource {
  private final ScenarioSettings scenario;
  private final double speed;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile String outcome = "";
  private Thread runner;

  /**
   * @param speed virtual seconds per wall second, > 0; {@code Double.POSITIVE_INFINITY} runs as
   *     fast as possible
   */
  SimulationSource(ScenarioSettings scenario, double speed) {
    if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0, got " + speed);
    this.scenario = scenario;
    this.speed = speed;
  }

  @Override
  public void start(SnapshotObserver observer) {
    if (!started.compareAndSet(false, true)) throw new IllegalStateException("already started");
    Simulation simulation = Simulation.create(scenario);
    long wallStart = System.nanoTime();
    simulation.observe(s -> {
      observer.onSnapshot(s);
      pace(s, wallStart);
    });
    runner = new Thread(() -> run(simulation), "geosim-simulation");
    runner.setDaemon(true);
    runner.start();
  }

  private void run(Simulation simulation) {
    try {
      var result = simulation.run();
      outcome = " | finished: " + result.events() + " events, " + VirtualTime.format(result.endTimeNs());
    } catch (RuntimeException e) {
      outcome = " | run failed: " + e.getMessage();
    }
  }

  /** Sleeps until wall time reaches the snapshot's virtual time divided by the speed. */
  private void pace(Snapshot s, long wallStart) {
    if (Double.isInfinite(speed)) return;
    long dueNs = wallStart + (long) (s.timeNs() / speed);
    long waitMs = (dueNs - System.nanoTime()) / 1_000_000;
    while (waitMs > 0 && !stopped) {
      try {
        Thread.sleep(Math.min(waitMs, 100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      waitMs = (dueNs - System.nanoTime()) / 1_000_000;
    }
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public String description() {
    String pace = Double.isInfinite(speed) ? "as fast as possible" : String.format("%.0fx real time", speed);
    return "scenario " + scenario.name() + ", seed " + scenario.seed() + ", " + pace + outcome;
  }
}
