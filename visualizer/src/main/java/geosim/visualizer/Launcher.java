package geosim.visualizer;

import java.util.Set;
import javafx.application.Application;

/**
 * Entry point of the visualizer. A plain class, not an {@link Application}: when the main class
 * extends {@code Application}, the JDK's launcher insists on JavaFX being on the module path and
 * refuses a plain classpath ("JavaFX runtime components are missing").
 */
public final class Launcher {

  private static final Set<String> KNOWN_ARGS = Set.of("--demo");

  private Launcher() {}

  public static void main(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage());
        return;
      }
      if (!KNOWN_ARGS.contains(arg)) {
        System.err.println("geosim visualizer: unknown argument '" + arg + "'\n" + usage());
        System.exit(2);
      }
    }
    Application.launch(VisualizerApp.class, args);
  }

  private static String usage() {
    return "usage: geosim.visualizer.Launcher [--demo]\n"
        + "  --demo  feed the charts synthetic snapshots (seed " + VisualizerApp.DEMO_SEED + ")";
  }
}
