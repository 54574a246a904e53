package geosim.cli;

import picocli.CommandLine.Command;

/** {@code geosim bench}: the engine's benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the simulation engine (results as JSON on stdout).",
    subcommands = {PholdBench.class, MemoryBench.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
