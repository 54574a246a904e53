package geosim.scenario;

import java.util.Locale;

/** Which model a scenario runs (top-level key {@code model}). */
public enum ModelKind {
  /** The foundation's placeholder: servers in regions ping each other ({@code ping} block). */
  PING,
  /** Poisson arrivals to one multi-core server, for validation ({@code queue} block). */
  QUEUE,
  /** Servers of the scenario's topology ping each other hop by hop over the network ({@code netping} block). */
  NETPING,
  /** A token ring of abstract nodes, for validating ownership against theory ({@code ring} block). */
  RING,
  /** Servers of the topology gossip; one crashes and the others' phi-accrual detectors convict it ({@code fd} block). */
  FAILURE_DETECTOR,
  /** One coordinator and N replicas with exponential message delays: quorum staleness against PBS ({@code pbs} block). */
  PBS,
  /** Store servers on the topology: a token ring, replicas with CPU, disk and storage engine, coordinators ({@code store} block). */
  STORE,
  /** Aggregated (fluid) app-server fleets per region with an autoscaler, cost and energy ({@code fleet} and {@code cost} blocks). */
  FLEET,
  /** MySQL-style primaries with asynchronous replicas, hash sharding and failover ({@code relational} block). */
  RELATIONAL;

  /** True when the model runs on the scenario's topology (which it then needs). */
  public boolean needsTopology() {
    return this == NETPING || this == FAILURE_DETECTOR || this == STORE;
  }

  /** The name used in configs: {@code ping}, {@code queue}, {@code netping}, {@code ring}, {@code failure-detector}, {@code pbs}, {@code store}, {@code fleet} or {@code relational}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of ping|queue|netping|ring|failure-detector|pbs|store|fleet|relational, got 'x'}
   */
  public static ModelKind fromConfig(String value) {
    for (ModelKind m : values()) {
      if (m.configName().equals(value)) return m;
    }
    StringBuilder choices = new StringBuilder();
    for (ModelKind m : values()) choices.append(choices.length() == 0 ? "" : "|").append(m.configName());
    throw new IllegalArgumentException("expected one of " + choices + ", got '" + value + "'");
  }
}
