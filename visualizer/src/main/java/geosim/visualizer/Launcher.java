package geosim.visualizer;

import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the visualizer ({@code ./geosim gui}). A plain class, not an {@link Application}:
 * when the main class extends {@code Application}, the JDK's launcher insists on JavaFX being on
 * the module path and refuses a plain classpath ("JavaFX runtime components are missing").
 *
 * <p>Checks its arguments before any window opens, so {@code --help} works without a display and a
 * bad scenario exits 2 with the same one-line messages as {@code geosim validate}.
 */
public final class Launcher {
  /** Virtual seconds per wall second unless --speed says otherwise: the 10-minute quickstart in 10 s. */
  static final double DEFAULT_SPEED = 60;
  static final int EXIT_BAD_INPUT = 2;

  private Launcher() {}

  public static void main(String[] args) {
    try {
      LaunchRequest request = parse(args, System.out);
      if (request == null) return; // --help
      check(request);
      VisualizerApp.request = request;
    } catch (BadArguments e) {
      System.err.println("geosim: " + e.getMessage());
      System.exit(EXIT_BAD_INPUT);
    } catch (ScenarioConfigException e) {
      e.problems().forEach(p -> System.err.println("geosim: " + p));
      System.exit(EXIT_BAD_INPUT);
    }
    if (lacksDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"),
        System.getProperty("glass.platform"))) {
      System.err.println("geosim: gui needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set;"
          + " run it on a desktop, or under Xvfb: xvfb-run -a ./geosim gui ...");
      System.exit(1);
    }
    Application.launch(VisualizerApp.class);
  }

  /**
   * Whether JavaFX would fail with "Unable to open DISPLAY": on Linux and other X11 systems
   * without a display, unless a headless glass platform (Monocle) is chosen. macOS and Windows
   * always have one.
   */
  static boolean lacksDisplay(String osName, String display, String waylandDisplay, String glassPlatform) {
    boolean x11 = !osName.startsWith("Mac") && !osName.startsWith("Windows");
    return x11 && isBlank(display) && isBlank(waylandDisplay) && glassPlatform == null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Parses the command line; null after printing the help to {@code out}. */
  static LaunchRequest parse(String[] args, PrintStream out) throws BadArguments {
    Path target = null;
    double speed = DEFAULT_SPEED;
    boolean paused = false;
    String region = null;
    double pauseAt = -1;
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(usage());
        return null;
      } else if (arg.equals("--paused")) {
        paused = true;
      } else if (List.of("--speed", "--seed", "--set", "--region", "--pause-at").contains(arg) && i + 1 < args.length) {
        String value = args[++i];
        if (arg.equals("--speed")) speed = parseSpeed(value);
        else if (arg.equals("--region")) region = value;
        else if (arg.equals("--pause-at")) pauseAt = parseSeconds(value);
        else if (arg.equals("--seed")) overrides.add("seed=" + parseSeed(value));
        else overrides.add(value);
      } else if (!arg.startsWith("-") && target == null) {
        target = Path.of(arg);
      } else {
        throw new BadArguments("gui: unknown or incomplete argument '" + arg + "' (see ./geosim gui --help)");
      }
    }
    boolean folder = target != null && Files.isDirectory(target);
    if (folder && !overrides.isEmpty()) throw new BadArguments("gui: --seed and --set apply to a scenario file, not a run folder");
    return new LaunchRequest(folder ? null : target, folder ? target : null, overrides, speed, paused, region, pauseAt);
  }

  /** Loads what the request names, so problems surface before a window opens. */
  static void check(LaunchRequest request) throws ScenarioConfigException, BadArguments {
    if (request.scenario() != null) ScenarioLoader.load(request.scenario(), request.overrides());
    if (request.runFolder() != null) {
      try {
        RunFolder.read(request.runFolder());
      } catch (IOException e) {
        throw new BadArguments(e.getMessage());
      }
    }
  }

  private static double parseSpeed(String text) throws BadArguments {
    if (text.equals("max")) return Double.POSITIVE_INFINITY;
    try {
      double speed = Double.parseDouble(text);
      if (speed > 0 && Double.isFinite(speed)) return speed;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadArguments("gui: --speed: expected a number > 0 or 'max', got '" + text + "'");
  }

  private static double parseSeconds(String text) throws BadArguments {
    try {
      double seconds = Double.parseDouble(text);
      if (seconds >= 0 && Double.isFinite(seconds)) return seconds;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadArguments("gui: --pause-at: expected virtual seconds >= 0, got '" + text + "'");
  }

  private static long parseSeed(String text) throws BadArguments {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadArguments("gui: --seed: expected a whole number, got '" + text + "'");
    }
  }

  static String usage() {
    return String.join("\n",
        "Usage: geosim gui [FILE | RUN_FOLDER] [--speed X] [--seed N] [--set path=value]... [--paused]",
        "                  [--pause-at T] [--region R]",
        "Opens the visualizer: a live run of a scenario, or the replay of a finished run folder.",
        "",
        "  FILE          scenario file (.conf) to run live; checked first, a bad one exits 2",
        "  RUN_FOLDER    folder written by 'geosim run FILE --out DIR', replayed with a timeline slider",
        "  --speed X     virtual seconds per wall second (default " + (int) DEFAULT_SPEED + "), or 'max' (as fast as possible)",
        "  --seed N      root seed of the live run (same as --set seed=N)",
        "  --set P=V     override any scenario setting, as for 'geosim run'",
        "  --paused      open a live run held at time 0: press Play or Step",
        "  --pause-at T  pause a live run by itself at virtual second T (a replay starts there)",
        "  --region R    open with region R's data centers, racks and servers shown (as a click on it)",
        "  -h, --help    show this help and exit",
        "",
        "In the window: Open scenario / Open run, Play, Pause, Step (one metrics interval), Speed, Seed",
        "(Enter or Restart runs again with it). Click a region on the map for its data centers and racks.",
        "Linux needs GTK 3: apt-get install -y libgtk-3-0 libxtst6 libgl1; without a display use xvfb-run.");
  }

  /** A command-line mistake: exit 2 with the message. */
  static final class BadArguments extends Exception {
    private static final long serialVersionUID = 1L;

    BadArguments(String message) {
      super(message);
    }
  }
}
