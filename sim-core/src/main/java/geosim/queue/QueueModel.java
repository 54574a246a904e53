package geosim.queue;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.PartitionBy;

/**
 * The queue validation model: a {@link PoissonSource} at {@value #SOURCE_PATH} sends requests to
 * a {@link QueueServer} at {@value #SERVER_PATH}. There is no network: a request takes {@value
 * #TRANSFER_NS} ns to reach the server, and its response time is measured from its arrival there,
 * so that delay is not part of it.
 *
 * <p>Metrics (counters are cumulative): {@value #ARRIVALS}, {@value #COMPLETED}, {@value
 * #LATENCY_NS_SUM} (exact sum of response times), histogram {@value #LATENCY_US}, {@value
 * #IN_SYSTEM_NS} (integral over time of the number of requests in the system, in request-ns) and
 * {@value #CPU_BUSY_CORE_NS} (busy core-time of the CPU).
 */
public final class QueueModel {
  public static final String SOURCE_PATH = "queue/source";
  public static final String SERVER_PATH = "queue/server";
  /**
   * Delay of a request from source to server. The two actors are different partition units when
   * partitioning by data center or finer; 1 ns, with a 1 ns lookahead, keeps the model valid at
   * every partitioning without affecting response times.
   */
  public static final long TRANSFER_NS = 1;

  public static final String ARRIVALS = "request.arrivals";
  public static final String COMPLETED = "request.ok";
  public static final String LATENCY_NS_SUM = "request.latency-ns-sum";
  public static final String LATENCY_US = "request.latency-us";
  public static final String IN_SYSTEM_NS = "queue.in-system-ns";
  public static final String CPU_BUSY_CORE_NS = "queue.server.cpu-busy-core-ns";

  private QueueModel() {}

  /**
   * The lookahead this model guarantees when actors are grouped {@code by} this level: {@link
   * #TRANSFER_NS} when source and server are different units; otherwise no message crosses units
   * and any lookahead is valid, so it is the whole run ({@code endNs}) and a lone partition runs
   * each interval between snapshots as one window. Either way every request takes {@link
   * #TRANSFER_NS}, so results are the same.
   *
   * @param endNs virtual time the run ends, >= 1
   */
  public static long lookaheadNs(PartitionBy by, long endNs) {
    return by.unitOf(SOURCE_PATH).equals(by.unitOf(SERVER_PATH)) ? Math.max(TRANSFER_NS, endNs) : TRANSFER_NS;
  }

  /**
   * Registers the source and the server with {@code builder}.
   *
   * @param endNs virtual time the run ends, >= 1 ns
   */
  public static void populate(QueueSettings settings, long endNs, Kernel.Builder builder) {
    ActorRef<ServerProtocol> server = builder.spawn(SERVER_PATH, new QueueServer(settings.servers(), endNs));
    builder.spawn(SOURCE_PATH, new PoissonSource(settings, server));
  }
}
