package geosim.cli;

import geosim.cluster.ClusterNode;
import geosim.cluster.WorkerMember;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geosim cluster seed|worker}: start a member of a Pekko Cluster that runs distributed
 * sweeps ({@code geosim sweep ... --cluster HOST:PORT}) and distributed runs ({@code geosim run ...
 * --cluster HOST:PORT}). A member runs until Ctrl-C / SIGTERM,
 * which leaves the cluster gracefully. See docs/cluster.md.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Start a member of a geosim cluster (docs/cluster.md).",
    subcommands = {ClusterCommand.Seed.class, ClusterCommand.Worker.class})
final class ClusterCommand implements Runnable {
  /** Pekko's own default Artery port (pekko-remote reference.conf: canonical.port = 7355). */
  static final int SEED_PORT_DEFAULT = 7355;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a member until its actor system terminates (Ctrl-C, SIGTERM, or being downed). */
  static int runMember(Behavior<?> guardian, String role, ClusterNode.Endpoint at) {
    ActorSystem<?> system = ClusterNode.start(guardian, role, at, role.equals("seed"), System.out);
    system.getWhenTerminated().toCompletableFuture().join();
    return Main.EXIT_OK;
  }

  /** Parses {@code HOST:PORT} of a seed node. */
  static ClusterNode.Endpoint endpoint(String host, int port, String seedNode, String option) {
    int colon = seedNode.lastIndexOf(':');
    try {
      if (colon <= 0) throw new NumberFormatException();
      return new ClusterNode.Endpoint(host, port, seedNode.substring(0, colon),
          Integer.parseInt(seedNode.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new BadInputException(option + ": expected HOST:PORT of the seed node, e.g. 127.0.0.1:"
          + SEED_PORT_DEFAULT + ", got '" + seedNode + "'");
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + " " + seedNode + ": " + e.getMessage());
    }
  }

  @Command(name = "seed", mixinStandardHelpOptions = true,
      description = "Start the seed member: the address the others join through. Prints members as they come and go.")
  static final class Seed implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "" + SEED_PORT_DEFAULT, paramLabel = "P",
        description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
        description = "Address to bind and to be reached at (default: ${DEFAULT-VALUE}, this machine only; "
            + "give this machine's address for a cluster of several machines).")
    String host;

    @Override
    public Integer call() {
      if (port < 1) throw new BadInputException("--port must be in 1..65535, got " + port);
      return runMember(Behaviors.empty(), "seed", endpoint(host, port, host + ":" + port, "--port"));
    }
  }

  @Command(name = "worker", mixinStandardHelpOptions = true,
      description = "Start a worker member: it runs sweep units (geosim sweep --cluster) and hosts partitions of runs "
          + "(geosim run --cluster).")
  static final class Worker implements Callable<Integer> {
    @Option(names = "--seed-node", required = true, paramLabel = "HOST:PORT", description = "The seed to join through.")
    String seedNode;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "J",
        description = "Units run at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
        description = "Address to bind and to be reached at (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", paramLabel = "P",
        description = "Port to listen on (default: ${DEFAULT-VALUE}, any free port).")
    int port;

    @Override
    public Integer call() {
      if (parallel < 1) throw new BadInputException("--parallel must be >= 1, got " + parallel);
      return runMember(WorkerMember.create(parallel, System.out), "worker",
          endpoint(host, port, seedNode, "--seed-node"));
    }
  }
}
