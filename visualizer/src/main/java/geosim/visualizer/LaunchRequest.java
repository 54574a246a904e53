package geosim.visualizer;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asked the window to open first.
 *
 * @param scenario a scenario file to run live, or null
 * @param runFolder a run folder to replay, or null (at most one of the two is set)
 * @param overrides {@code path=value} settings on top of the scenario, e.g. {@code seed=7}
 * @param speed virtual seconds per wall second, > 0, infinite for as fast as possible
 * @param paused hold a live run at time 0 until Play or Step
 * @param region a region whose drill-down opens at once, or null
 * @param pauseAtSeconds virtual time at which a live run pauses by itself (the first snapshot at or
 *     after it), or a replay's slider starts; negative for none
 */
record LaunchRequest(Path scenario, Path runFolder, List<String> overrides, double speed, boolean paused, String region,
    double pauseAtSeconds) {
  LaunchRequest {
    if (scenario != null && runFolder != null) throw new IllegalArgumentException("give a scenario or a run folder, not both");
    overrides = List.copyOf(overrides);
    if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0, got " + speed);
  }

  static LaunchRequest empty() {
    return new LaunchRequest(null, null, List.of(), Launcher.DEFAULT_SPEED, false, null, -1);
  }
}
