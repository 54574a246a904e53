package geosim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code geosim} command line. Exit codes: 0 done, 1 the run failed, 2 bad input.
 */
@Command(
    name = "geosim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Deterministic actor-based simulator of geo-distributed data centers.",
    // The visualizer is a jar of its own (JavaFX); the ./geosim launcher starts it for `gui`.
    footer = {"", "The desktop visualizer: ./geosim gui [FILE | RUN_FOLDER] (see ./geosim gui --help)."},
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      SweepCommand.class,
      ClusterCommand.class,
      ExploreCommand.class,
      ReportCommand.class,
      ListCommand.class,
      BenchCommand.class,
      LabCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Charts are drawn off-screen; never try to open a display.
    System.setProperty("java.awt.headless", "true");
    // Initialise logging before Pekko's threads start, so no log call races its set-up.
    org.slf4j.LoggerFactory.getILoggerFactory();
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> EXIT_FAILED);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("geosim: " + e.getMessage()
          + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      return EXIT_BAD_INPUT;
    });
    cli.setExecutionExceptionHandler(new Failures());
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"geosim " + (v == null ? "(development build)" : v)};
    }
  }
}
