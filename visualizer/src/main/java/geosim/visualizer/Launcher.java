package geosim.visualizer;

import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the visualizer. A plain class, not an {@link Application}: when the main class
 * extends {@code Application}, the JDK's launcher insists on JavaFX being on the module path and
 * refuses a plain classpath ("JavaFX runtime components are missing").
 *
 * <p>Usage: {@code [FILE [--speed X]] | --demo}. A scenario is loaded and validated before the
 * window opens, so a bad file exits 2 with the loader's one-line messages.
 */
public final class Launcher {
  /** Virtual seconds per wall second unless --speed says otherwise: the 10-minute quickstart in 10 s. */
  static final double DEFAULT_SPEED = 60;

  /** The source the app will show; set before {@link Application#launch}, read on the FX thread. */
  static volatile SnapshotSource pendingSource;

  private Launcher() {}

  public static void main(String[] args) {
    String file = null;
    double speed = DEFAULT_SPEED;
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage());
        return;
      } else if (arg.equals("--demo")) {
        demo = true;
      } else if (arg.equals("--speed") && i + 1 < args.length) {
        speed = parseSpeed(args[++i]);
      } else if (!arg.startsWith("-") && file == null) {
        file = arg;
      } else {
        fail("unknown argument '" + arg + "'\n" + usage());
      }
    }
    if (file != null && demo) fail("give a scenario file or --demo, not both");
    if (file != null) {
      try {
        pendingSource = new SimulationSource(ScenarioLoader.load(Path.of(file), List.of()), speed);
      } catch (ScenarioConfigException e) {
        e.problems().forEach(p -> System.err.println("geosim: " + p));
        System.exit(2);
      }
    }
    Application.launch(VisualizerApp.class, demo ? new String[] {"--demo"} : new String[0]);
  }

  private static double parseSpeed(String text) {
    if (text.equals("max")) return Double.POSITIVE_INFINITY;
    try {
      double speed = Double.parseDouble(text);
      if (speed > 0) return speed;
    } catch (NumberFormatException e) {
      // reported below
    }
    fail("--speed: expected a number > 0 or 'max', got '" + text + "'");
    return 0;
  }

  private static void fail(String message) {
    System.err.println("geosim visualizer: " + message);
    System.exit(2);
  }

  private static String usage() {
    return "usage: geosim.visualizer.Launcher [FILE [--speed X]] | --demo\n"
        + "  FILE       run this scenario live\n"
        + "  --speed X  virtual seconds per wall second (default " + (int) DEFAULT_SPEED + "), or 'max'\n"
        + "  --demo     feed the charts synthetic snapshots (seed " + VisualizerApp.DEMO_SEED + ")";
  }
}
