package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.ActorContext;
import geosim.kernel.Kernel;
import geosim.kernel.KernelSettings;
import geosim.kernel.SimActor;
import geosim.kernel.SimulationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A failed run names the command that reproduces it, quoted for a shell. */
class ReproduceTest {
  @Test
  void theCommandRepeatsFileOverridesAndSeedQuotedForTheShell() {
    ScenarioOptions options = new ScenarioOptions();
    options.file = Path.of("configs/my scenario.conf");
    options.overrides = List.of("duration=1h", "network.cuts=[{isolate=us-west}]");
    assertEquals("./geosim run 'configs/my scenario.conf' --seed 42 --set duration=1h"
            + " --set 'network.cuts=[{isolate=us-west}]' --check-invariants",
        options.reproduceCommand(42, "--check-invariants"));
    assertEquals("'it'\\''s'", ScenarioOptions.quoted("it's"));
  }

  @Test
  void aFailedRunPrintsTheFailureThenTheReproducingCommand() {
    Kernel.Builder b = Kernel.builder(KernelSettings.of(7, 1_000_000_000L, 1_000_000L));
    b.spawn("bad", new SimActor<String>() {
      @Override
      public void start(ActorContext<String> ctx) {
        ctx.startTimer("boom", 5);
      }

      @Override
      public void receive(String message, ActorContext<String> ctx) {
        throw new IllegalStateException("model bug");
      }
    });
    SimulationException failure = assertThrows(SimulationException.class, () -> b.build().run());
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err, true));
    int code = new Failures().handleExecutionException(
        new ReproducibleFailure(failure, "./geosim run x.conf --seed 7"), cli, cli.parseArgs());
    assertEquals(Main.EXIT_FAILED, code);
    String[] lines = err.toString().split("\n");
    assertTrue(lines[0].startsWith("geosim: run failed: actor bad failed at virtual time") && lines[0].contains("seed 7"),
        lines[0]);
    assertEquals("geosim: reproduce with: ./geosim run x.conf --seed 7", lines[1]);
  }
}
