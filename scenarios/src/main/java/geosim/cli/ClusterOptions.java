package geosim.cli;

import geosim.cluster.ClusterNode;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --cluster HOST:PORT} and its companions, shared by {@code run} and {@code sweep} (docs/cluster.md). */
final class ClusterOptions {
  @Option(names = "--cluster", paramLabel = "HOST:PORT",
      description = "Run on the workers of the cluster whose seed node is HOST:PORT (docs/cluster.md).")
  String cluster;

  @Option(names = "--cluster-host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "With --cluster: this machine's address in the cluster (default: ${DEFAULT-VALUE}).")
  String clusterHost;

  @Option(names = "--cluster-timeout", defaultValue = "10m", paramLabel = "DURATION",
      description = "With --cluster: fail after this long without the workers needed, e.g. 30s, 10m "
          + "(default: ${DEFAULT-VALUE}).")
  String clusterTimeout;

  /** Where this driver joins, or null without {@code --cluster}. */
  ClusterNode.Endpoint endpoint() {
    return cluster == null ? null : ClusterCommand.endpoint(clusterHost, 0, cluster, "--cluster");
  }

  Duration timeout() {
    return SweepCommand.parseDuration(clusterTimeout, "--cluster-timeout");
  }
}
