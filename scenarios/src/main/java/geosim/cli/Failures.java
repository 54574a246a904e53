package geosim.cli;

import geosim.kernel.SimulationException;
import geosim.scenario.ScenarioConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear message and an exit code: bad input exits 2, a failed run
 * exits 1. Stack traces only with {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    boolean debug = parsed.hasMatchedOption("--debug")
        || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
    var err = cli.getErr();
    if (e instanceof ScenarioConfigException config) {
      for (String problem : config.problems()) err.println("geosim: " + problem);
      return Main.EXIT_BAD_INPUT;
    }
    if (e instanceof BadInputException) {
      err.println("geosim: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    String reproduce = null;
    if (e instanceof ReproducibleFailure failure) {
      reproduce = failure.command();
      e = failure.failure();
    }
    if (e instanceof SimulationException sim) {
      err.println("geosim: run failed: " + sim.getMessage());
      if (reproduce != null) err.println("geosim: reproduce with: " + reproduce);
      if (debug && sim.detail() != null) err.println(sim.detail());
      else err.println("geosim: (add --debug for the stack trace)");
      return Main.EXIT_FAILED;
    }
    err.println("geosim: run failed: " + e);
    if (debug) e.printStackTrace(err);
    else err.println("geosim: (add --debug for the stack trace)");
    return Main.EXIT_FAILED;
  }
}
