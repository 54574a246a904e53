package geosim.cli;

import geosim.kernel.SimulationException;

/** A failed run and the command line that reproduces it bit for bit (same file, overrides and seed). */
final class ReproducibleFailure extends RuntimeException {
  private final String command;

  ReproducibleFailure(SimulationException cause, String command) {
    super(cause.getMessage(), cause);
    this.command = command;
  }

  SimulationException failure() {
    return (SimulationException) getCause();
  }

  /** E.g. {@code ./geosim run configs/x.conf --seed 7 --set duration=1h --check-invariants}. */
  String command() {
    return command;
  }
}
