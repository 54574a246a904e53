package geosim.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import geosim.kernel.KernelRuntime;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.Cluster;

/**
 * Starts one member of a geosim cluster: an actor system named {@value #SYSTEM} with the cluster
 * provider, bound to {@code host:port} (port 0: any free one), joining through the seed node
 * {@code seedHost:seedPort}, with one role ({@code seed}, {@code worker} or {@code driver}).
 * Settings come from {@code geosim-cluster.conf}; JVM system properties ({@code -Dpekko...})
 * override them. The member prints one line when it has joined and one when it has left.
 */
public final class ClusterNode {
  /** The actor system's name, part of every member's address: {@code pekko://geosim@host:port}. */
  public static final String SYSTEM = "geosim";

  private ClusterNode() {}

  /** Where a member binds, and the seed node it joins through. */
  public record Endpoint(String host, int port, String seedHost, int seedPort) {
    public Endpoint {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
      if (seedPort < 1 || seedPort > 65535) {
        throw new IllegalArgumentException("seed port must be in 1..65535, got " + seedPort);
      }
    }

    String seedAddress() {
      return "pekko://" + SYSTEM + "@" + seedHost + ":" + seedPort;
    }
  }

  /**
   * Starts the member; {@code out} gets its joined / left lines, and with {@code logOthers} a
   * line for every other member that comes up or is removed.
   */
  public static <T> ActorSystem<T> start(Behavior<T> guardian, String role, Endpoint at, boolean logOthers,
      PrintStream out) {
    ActorSystem<T> system = ActorSystem.create(guardian, SYSTEM, config(role, at));
    system.systemActorOf(MemberLog.create(role, out, logOthers), "geosim-member-log", Props.empty());
    Cluster cluster = Cluster.get(Adapter.toClassic(system));
    String self = cluster.selfAddress().toString();
    cluster.registerOnMemberRemoved(() -> out.println("geosim: " + role + " " + self + " left the cluster"));
    return system;
  }

  static Config config(String role, Endpoint at) {
    Config cli = ConfigFactory.parseMap(Map.of(
        "pekko.remote.artery.canonical.hostname", at.host(),
        "pekko.remote.artery.canonical.port", at.port(),
        "pekko.cluster.roles", List.of(role),
        "pekko.cluster.seed-nodes", List.of(at.seedAddress())));
    return ConfigFactory.defaultOverrides()
        .withFallback(cli)
        .withFallback(ConfigFactory.parseResources(ClusterNode.class.getClassLoader(), "geosim-cluster.conf"))
        .withFallback(KernelRuntime.dispatchers()) // a driver runs a coordinator, a worker hosts partitions
        .withFallback(ConfigFactory.defaultReference(ClusterNode.class.getClassLoader()))
        .resolve();
  }
}
