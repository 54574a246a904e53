package geosim.visualizer;

import geosim.faults.FaultPlan;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * A server's state as the region drill-down draws it, at a frame's time. Down comes from the fault
 * plan (scheduled or injected: its crash, its rack's power, its region's outage), which is exact
 * for it, or from the store's state channel ({@code server.<path>.down}); the other states come
 * from that channel alone, sampled by the model at the frame's snapshot (docs/model.md, "Server
 * states in the time series"): absent (not yet joined, or left), bootstrapping, leaving, and
 * suspected, an up server that at least one peer's failure detector has convicted (a false
 * suspicion, e.g. across a network partition, or news of its restart not yet heard). Its amber
 * deepens with the share of peers that suspect it: a server cut off from the others suspects
 * every one of them, so a pale square is suspected by a few (perhaps isolated) peers, a deep one
 * by most. A down server that at least half its peers have convicted is {@link
 * #DOWN_SUSPECTED}: the detectors have caught up with the crash. Models without the channel (the
 * fleet, ping) show up and down only.
 */
enum ServerState {
  UP(null, Color.gray(0.35), 0.5, "up"),
  SUSPECTED(Color.rgb(245, 166, 35), Color.rgb(150, 90, 0), 1.5, "up"),
  BOOTSTRAPPING(Color.rgb(60, 120, 220), Color.rgb(20, 50, 140), 1.5, "bootstrapping (joining the ring)"),
  LEAVING(Color.rgb(150, 90, 200), Color.rgb(80, 30, 120), 1.5, "leaving (decommissioning)"),
  ABSENT(Color.gray(0.9), Color.gray(0.6), 0.5, "absent (not yet joined, or left)"),
  DOWN(Color.rgb(45, 45, 45), Color.rgb(220, 30, 30), 1.5, "down, not yet detected"),
  DOWN_SUSPECTED(Color.rgb(45, 45, 45), Color.rgb(245, 166, 35), 2, "down, detected");

  private static final Color PALE_AMBER = Color.rgb(255, 232, 170);

  /** Metrics of the state channel (timeseries.csv, scope the server's path). */
  static final String DOWN_METRIC = "server.down.secondsPerSecond";
  static final String SUSPECTED_METRIC = "server.suspected-by.secondsPerSecond";
  static final String BOOTSTRAPPING_METRIC = "server.bootstrapping.secondsPerSecond";
  static final String LEAVING_METRIC = "server.leaving.secondsPerSecond";
  static final String ABSENT_METRIC = "server.absent.secondsPerSecond";
  /** The server's own CPU utilization over the interval, 0 to 1, when the run records it (live runs of the store). */
  static final String CPU_METRIC = "server.cpu.secondsPerSecond";

  private final Color fill; // null: the CPU colour
  private final Color strokeColour;
  private final double strokeWidth;
  private final String text;

  ServerState(Color fill, Color stroke, double strokeWidth, String text) {
    this.fill = fill;
    this.strokeColour = stroke;
    this.strokeWidth = strokeWidth;
    this.text = text;
  }

  /**
   * The state of the server at {@code path} in {@code frame} (null: no frame), ending at {@code
   * timeSeconds}: down when a down window of {@code plan} started before that time and had not
   * ended before it, or the model sampled it down.
   */
  static ServerState of(FaultPlan plan, Frame frame, String path, double timeSeconds, int peers) {
    long suspectedBy = suspectedBy(frame, path);
    boolean suspected = suspectedBy > 0;
    if (plannedDown(plan, path, timeSeconds) || holds(frame, path, DOWN_METRIC)) {
      return 2 * suspectedBy >= Math.max(1, peers) ? DOWN_SUSPECTED : DOWN;
    }
    if (holds(frame, path, ABSENT_METRIC)) return ABSENT;
    if (holds(frame, path, BOOTSTRAPPING_METRIC)) return BOOTSTRAPPING;
    if (holds(frame, path, LEAVING_METRIC)) return LEAVING;
    return suspected ? SUSPECTED : UP;
  }

  /** How many peers suspect the server at the frame's time (0 without the channel). */
  static long suspectedBy(Frame frame, String path) {
    if (frame == null) return 0;
    double v = frame.value(path, SUSPECTED_METRIC);
    return Double.isNaN(v) ? 0 : Math.round(v);
  }

  private static boolean holds(Frame frame, String path, String metric) {
    return frame != null && frame.value(path, metric) > 0.5;
  }

  private static boolean plannedDown(FaultPlan plan, String path, double timeSeconds) {
    long t = Math.round(timeSeconds * 1e9);
    long[] windows = plan.downWindowsNs(path);
    for (int w = 0; w < windows.length; w += 2) {
      if (windows[w] < t && windows[w + 1] >= t) return true;
    }
    return false;
  }

  Color fill(Color cpu) {
    return fill == null ? cpu : fill;
  }

  /**
   * The CPU utilization an up server's square shows: its own over the frame's interval when the
   * run records it per server, else {@code regionMean}, the mean over its region's servers (NaN:
   * no data).
   */
  static double cpu(Frame frame, String path, double regionMean) {
    double own = frame == null ? Double.NaN : frame.value(path, CPU_METRIC);
    return Double.isNaN(own) ? regionMean : own;
  }

  /** The fill of a server suspected by {@code share} of its peers (0 to 1): pale amber for a few, deep for all. */
  static Color suspectedFill(double share) {
    return PALE_AMBER.interpolate(SUSPECTED.fill, Math.max(0, Math.min(1, share)));
  }

  void stroke(Rectangle r) {
    r.setStroke(strokeColour);
    r.setStrokeWidth(strokeWidth);
  }

  /** What a tooltip says, with the number of peers suspecting the server when there are any. */
  String text(long suspectedBy) {
    return suspectedBy > 0 ? text + " (suspected by " + suspectedBy + (suspectedBy == 1 ? " peer)" : " peers)") : text;
  }

  /** The legend of the states: what a square's fill and border mean, and what a right-click does. */
  static FlowPane legend() {
    FlowPane box = new FlowPane(10, 2, entry(UP, ColourScale.of(0.3), "up: coloured by its CPU"),
        entry(SUSPECTED, suspectedFill(0.15), "suspected by a few peers' failure detectors"),
        entry(SUSPECTED, null, "suspected by most"),
        entry(DOWN, null, "down: crash, rack power, region outage"),
        entry(DOWN_SUSPECTED, null, "down, detected by most peers (amber border)"),
        entry(BOOTSTRAPPING, null, "bootstrapping"), entry(LEAVING, null, "leaving"),
        entry(ABSENT, null, "absent"), switchEntry(), small("right-click a server: crash, restore, storm"));
    box.setId("server-legend");
    return box;
  }

  /** The switches' squares beside a data center's and a rack's name (live runs). */
  private static HBox switchEntry() {
    Rectangle swatch = new Rectangle(12, 6, ColourScale.of(0.6));
    swatch.setStroke(Color.gray(0.2));
    HBox entry = new HBox(4, swatch, small("switch: coloured by its busiest link"));
    entry.setAlignment(Pos.CENTER_LEFT);
    return entry;
  }

  private static HBox entry(ServerState state, Color colour, String text) {
    Rectangle swatch = new Rectangle(9, 9, colour != null ? colour : state.fill(null));
    state.stroke(swatch);
    HBox entry = new HBox(4, swatch, small(text));
    entry.setAlignment(Pos.CENTER_LEFT);
    return entry;
  }

  private static Label small(String text) {
    Label l = new Label(text);
    l.setFont(Font.font(10.5));
    return l;
  }
}
