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
 * A server's state as the region drill-down draws it: up (filled by CPU utilization) or down (a
 * fault of the run's plan, scheduled or injected, covers the frame's time: its crash, its rack's
 * power, its region's outage). Down comes from the fault plan, which is exact for it; a peer's
 * suspicion and a bootstrap would need a per-server state channel from the model (not yet).
 */
enum ServerState {
  UP,
  DOWN;

  private static final Color DOWN_FILL = Color.rgb(45, 45, 45);
  private static final Color DOWN_STROKE = Color.rgb(220, 30, 30);

  /**
   * The state of the server at {@code path} in the frame ending at {@code timeSeconds}: down when a
   * down window of {@code plan} started before that time and had not ended before it.
   */
  static ServerState of(FaultPlan plan, String path, double timeSeconds) {
    long t = Math.round(timeSeconds * 1e9);
    long[] windows = plan.downWindowsNs(path);
    for (int w = 0; w < windows.length; w += 2) {
      if (windows[w] < t && windows[w + 1] >= t) return DOWN;
    }
    return UP;
  }

  Color fill(Color cpu) {
    return this == DOWN ? DOWN_FILL : cpu;
  }

  void stroke(Rectangle r) {
    r.setStroke(this == DOWN ? DOWN_STROKE : Color.gray(0.35));
    r.setStrokeWidth(this == DOWN ? 1.5 : 0.5);
  }

  String text() {
    return this == DOWN ? "down (a fault)" : "up";
  }

  /** The legend of the states: what a square's fill and border mean, and what a right-click does. */
  static FlowPane legend() {
    Rectangle up = new Rectangle(9, 9, ColourScale.of(0.3));
    UP.stroke(up);
    Rectangle down = new Rectangle(9, 9, DOWN_FILL);
    DOWN.stroke(down);
    FlowPane box = new FlowPane(10, 2, entry(up, "up: the region's mean CPU colour"),
        entry(down, "down: crash, rack power or region outage"),
        small("right-click a server: crash, restore, storm"));
    box.setId("server-legend");
    return box;
  }

  private static HBox entry(Rectangle swatch, String text) {
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
