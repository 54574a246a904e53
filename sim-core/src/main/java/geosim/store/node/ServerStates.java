package geosim.store.node;

import geosim.kernel.Counter;
import geosim.kernel.Metrics;
import geosim.store.gossip.GossipStatus;

/**
 * What one store server tells the time series about states: how long it was up, per region, and
 * its state at every snapshot boundary, per server, for the live view's heat map.
 *
 * <p>{@code store.<region>.servers-up-ns} integrates the time the server runs (neither crashed
 * nor absent, before its bootstrap or after its decommission): exact, added at every change and
 * at every snapshot boundary, so its rate over an interval is the mean number of servers up.
 *
 * <p>At every boundary the server samples its own state and its suspicions of the others, and
 * holds each over the interval that ends there: it adds the interval's length to {@code
 * server.<path>.<state>-ns} for each state that holds, so the rate over the interval is 1 while
 * the state holds at its end (a sample-and-hold gauge, not a mean over the interval). States:
 * {@code down} (crashed), {@code absent} (not a member: before its bootstrap or after its
 * decommission), {@code bootstrapping}, {@code leaving}, and {@code suspected-by} of a peer, which
 * every running server that believes that peer down adds: its rate is the number of peers that
 * suspect it, as Cassandra's phi-accrual failure detector of each peer decides [1]. The per-server
 * counters are created at a server's first such state, so a run without faults or membership
 * changes writes none of them.
 *
 * <p>[1] Apache Cassandra, src/java/org/apache/cassandra/gms/FailureDetector.java.
 */
final class ServerStates {
  /** Metric prefix of the per-server states: {@code server.<path>.<state>-ns}. */
  static final String PREFIX = "server.";

  private final String path;
  private final Counter[] suspicions;
  private Metrics metrics;
  private Counter upNs;
  private Counter downNs;
  private Counter absentNs;
  private Counter bootstrappingNs;
  private Counter leavingNs;
  private boolean recordsCpu;
  private Counter cpuNs;
  private boolean running;
  private boolean crashed;
  private GossipStatus status = GossipStatus.NORMAL;
  private long accountedNs;
  private long sampledNs;

  ServerStates(String path, int servers) {
    this.path = path;
    this.suspicions = new Counter[servers];
  }

  /** The name of a server's state counter, e.g. {@code server.us-east/use1-a/rack-1/srv-1.down-ns}. */
  static String metric(String serverPath, String state) {
    return PREFIX + serverPath + "." + state + "-ns";
  }

  /**
   * Before the run: record this server's own CPU utilization at every boundary ({@link
   * #cpuSample}): {@code server.<path>.cpu-ns}, whose rate over an interval is the server's mean
   * CPU utilization in it, 0 to 1. Off unless asked (the live view asks): one more time series per
   * server.
   */
  void recordCpu() {
    recordsCpu = true;
  }

  /** Adds {@code utilization} (0 to 1) held over an interval of {@code intervalNs} to the CPU channel, if recorded. */
  void cpuSample(double utilization, long intervalNs) {
    if (cpuNs != null) cpuNs.add(Math.round(utilization * intervalNs));
  }

  /** The name of a region's integral of servers up: {@code store.us-east.servers-up-ns}. */
  static String upMetric(String region) {
    return "store." + region + ".servers-up-ns";
  }

  void start(Metrics m, String region, boolean absent) {
    metrics = m;
    upNs = m.counter(upMetric(region));
    if (recordsCpu) cpuNs = m.counter(metric(path, "cpu"));
    running = !absent;
    if (absent) status = GossipStatus.BOOTSTRAPPING;
  }

  /** The server is or is not running (crashed, absent) from {@code nowNs}. */
  void running(boolean crashedNow, boolean absentNow, long nowNs) {
    account(nowNs);
    crashed = crashedNow;
    running = !crashedNow && !absentNow;
  }

  /** The server announces {@code announced} about itself. */
  void status(GossipStatus announced) {
    status = announced;
  }

  /** At a snapshot boundary: the integral of up time, and the states that hold now. */
  void sample(long atNs, FailureView view) {
    account(atNs);
    long interval = atNs - sampledNs;
    sampledNs = atNs;
    if (interval <= 0) return;
    if (crashed) downNs = add(downNs, "down", interval);
    if (!running && !crashed) absentNs = add(absentNs, "absent", interval);
    if (running && status == GossipStatus.BOOTSTRAPPING) bootstrappingNs = add(bootstrappingNs, "bootstrapping", interval);
    if (running && status == GossipStatus.LEAVING) leavingNs = add(leavingNs, "leaving", interval);
    if (running) sampleSuspicions(view, interval);
  }

  private void sampleSuspicions(FailureView view, long interval) {
    for (int i = 0; i < suspicions.length; i++) {
      if (!view.isDown(i)) continue;
      if (suspicions[i] == null) suspicions[i] = metrics.counter(metric(view.path(i), "suspected-by"));
      suspicions[i].add(interval);
    }
  }

  private Counter add(Counter counter, String state, long interval) {
    Counter c = counter == null ? metrics.counter(metric(path, state)) : counter;
    c.add(interval);
    return c;
  }

  private void account(long nowNs) {
    if (running && nowNs > accountedNs) upNs.add(nowNs - accountedNs);
    accountedNs = Math.max(accountedNs, nowNs);
  }
}
