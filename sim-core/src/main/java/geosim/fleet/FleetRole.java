package geosim.fleet;

import geosim.elastic.AutoscalerSettings;
import java.util.Objects;

/**
 * A role of the fleet model: servers of one kind in every region, with their own service time,
 * cores, target and autoscaler (one autoscaler per role and region). A role of kind {@link
 * Kind#REQUEST} serves requests balanced over its servers (each server an M/M/c queue) and is
 * measured by response time; a role of kind {@link Kind#JOB} takes jobs from one FIFO queue per
 * region (as render workers poll a shared work queue) and is measured by queue wait and
 * turnaround. Jobs never time out.
 *
 * @param name role name, [a-z][a-z0-9-]*; the metrics are {@code <name>.<region>.*}
 * @param kind request or job
 * @param serviceNs mean CPU time of one request or job on one core (exponential), > 0
 * @param cores cores per server, >= 1
 * @param timeoutNs longest a request waits before it is dropped, > 0; {@link #NO_TIMEOUT} for jobs
 * @param targetNs the p99 response time (request) or p99 queue wait (job) aimed for, > 0
 * @param arrivalShare this role's arrivals as a share of the region's arrivals (rate times
 *     shape), >= 0 and finite: 1 for a role that takes the region's load, p for one spawned with
 *     probability p by such a role
 * @param initialServers servers in service at time 0 in every region; {@link #REGION_SERVERS}
 *     takes the region's {@code servers}
 * @param autoscaler how this role is scaled in every region
 */
public record FleetRole(
    String name,
    Kind kind,
    long serviceNs,
    int cores,
    long timeoutNs,
    long targetNs,
    double arrivalShare,
    int initialServers,
    AutoscalerSettings autoscaler) {

  /** The role a fleet without {@code fleet.roles} has, and the prefix of its metrics. */
  public static final String DEFAULT_NAME = "app";
  /** Jobs wait until they are served. */
  public static final long NO_TIMEOUT = Long.MAX_VALUE;
  /** {@link #initialServers} meaning "the region's {@code servers}". */
  public static final int REGION_SERVERS = -1;

  /** What a role serves and how it is measured. */
  public enum Kind {
    /** Requests balanced over the servers, measured by response time. */
    REQUEST("request"),
    /** Jobs in one FIFO queue per region, measured by queue wait and turnaround. */
    JOB("job");

    private final String configName;

    Kind(String configName) {
      this.configName = configName;
    }

    /** The name in HOCON and summary.json. */
    public String configName() {
      return configName;
    }
  }

  public FleetRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(autoscaler, "autoscaler");
    if (serviceNs <= 0 || timeoutNs <= 0 || targetNs <= 0) {
      throw new IllegalArgumentException("service, timeout and target must be > 0");
    }
    if (kind == Kind.JOB && timeoutNs != NO_TIMEOUT) throw new IllegalArgumentException("jobs never time out");
    if (cores < 1) throw new IllegalArgumentException("cores must be >= 1, got " + cores);
    if (!(arrivalShare >= 0 && Double.isFinite(arrivalShare))) {
      throw new IllegalArgumentException("arrivalShare must be >= 0, got " + arrivalShare);
    }
    if (initialServers < REGION_SERVERS) throw new IllegalArgumentException("initialServers must be >= 0 or REGION_SERVERS");
  }

  /** The servers this role starts with in {@code region}. */
  public int initialServers(FleetRegion region) {
    return initialServers == REGION_SERVERS ? region.initialServers() : initialServers;
  }

  /** The longest wait of a request, seconds; infinite for jobs. */
  double timeoutS() {
    return timeoutNs == NO_TIMEOUT ? Double.POSITIVE_INFINITY : timeoutNs / 1e9;
  }
}
