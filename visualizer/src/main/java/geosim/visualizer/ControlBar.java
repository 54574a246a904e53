package geosim.visualizer;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/**
 * The toolbar: open a scenario or a recorded run, play, pause, step, speed and seed. It only holds
 * the controls; {@link MainView} wires them. Node ids ({@code #play}, ...) are for tests.
 */
final class ControlBar {
  /** Speeds offered, virtual seconds per wall second; infinity is "as fast as possible". */
  static final Map<String, Double> SPEEDS = speeds();
  static final String DEFAULT_SPEED = "60x";

  final Button open = button("open", "Open scenario…", "Run a scenario file (.conf) live");
  final Button openRun = button("open-run", "Open run…", "Replay a run folder written by 'geosim run --out DIR'");
  final Button play = button("play", "▶ Play", "Run (or replay) on at the chosen speed");
  final Button pause = button("pause", "❚❚ Pause", "Hold at the next snapshot interval");
  final Button step = button("step", "Step ▷|", "Advance exactly one snapshot interval");
  final ComboBox<String> speed = new ComboBox<>();
  final TextField seed = new TextField();
  final Button restart = button("restart", "Restart", "Run the scenario again from time 0 with this seed");
  final Button save = button("save-run", "Save replay…", "Write the scenario with the faults injected so far"
      + " (injected-faults): 'geosim run' or Open scenario replays this run exactly");
  final ToolBar node;

  ControlBar() {
    speed.setId("speed");
    speed.getItems().addAll(SPEEDS.keySet());
    speed.setValue(DEFAULT_SPEED);
    speed.setTooltip(new Tooltip("Virtual seconds per wall second; results are the same at any speed"));
    seed.setId("seed");
    seed.setPrefColumnCount(6);
    seed.setTooltip(new Tooltip("Root seed of the run; press Enter or Restart to apply"));
    node = new ToolBar(open, openRun, new Separator(), play, pause, step, new Separator(),
        new Label("Speed"), speed, new Label("Seed"), seed, restart, new Separator(), save);
  }

  /** The chosen speed in virtual seconds per wall second (infinite: as fast as possible). */
  double speedValue() {
    return parse(speed.getValue());
  }

  /** Selects {@code value} (virtual seconds per wall second), offering it first if it is not yet. */
  void selectSpeed(double value) {
    String label = labelOf(value);
    if (!speed.getItems().contains(label)) speed.getItems().add(label);
    speed.setValue(label);
  }

  /** "60x" for 60, "2.5x" for 2.5, the offered label for infinity. */
  static String labelOf(double value) {
    for (Map.Entry<String, Double> e : SPEEDS.entrySet()) {
      if (e.getValue() == value) return e.getKey();
    }
    return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + "x";
  }

  /** The speed of a label: an offered one, or any "<number>x". */
  static double parse(String label) {
    if (label == null) return SPEEDS.get(DEFAULT_SPEED);
    Double offered = SPEEDS.get(label);
    if (offered != null) return offered;
    return Double.parseDouble(label.substring(0, label.length() - 1));
  }

  private static Map<String, Double> speeds() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("1x", 1.0);
    m.put("10x", 10.0);
    m.put("60x", 60.0);
    m.put("600x", 600.0);
    m.put("3600x", 3600.0);
    m.put("as fast as possible", Double.POSITIVE_INFINITY);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Button button(String id, String text, String tip) {
    Button b = new Button(text);
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    return b;
  }
}
