package geosim.store.client;

import geosim.relational.RelationalSettings;
import geosim.kernel.ExtensionClass;
import geosim.kernel.StreamRandom;
import geosim.store.cache.CacheSettings;
import geosim.store.objects.ObjectStoreSettings;
import java.util.Locale;
import java.util.Objects;

/**
 * The stateless app tier in front of the store ({@code store.app}): {@code serversPerRegion} app
 * servers in every region, each with {@code cores} cores serving requests first come first
 * served. A request costs a lognormal CPU time of mean {@code serviceTimeMeanNs} and coefficient of
 * variation {@code serviceTimeCv} on its app server, then {@code storeCalls} store requests in
 * parallel (of consecutive keys from the client's key, reads for a client read, writes for a
 * write), with the database and object calls of its {@code backends}, then the answer. The clients
 * of a region balance their requests over its app servers.
 *
 * @param serversPerRegion app servers in each region, 1 to {@value #SERVERS_MAX}
 * @param cores cores per app server, 1 to {@link geosim.node.Cpu#CORES_MAX}
 * @param serviceTimeMeanNs mean CPU time of a request, ns, > 0
 * @param serviceTimeCv coefficient of variation of the CPU time, 0 (constant) to 100
 * @param storeCalls store requests per app request, 0 to {@value ClientSettings#SCAN_LENGTH_MAX}
 * @param balancing how clients choose an app server
 * @param balancerClass a {@link LoadBalancingPolicy} of one's own ({@code store.app.balancer-class})
 *     that replaces {@code balancing}, or null
 * @param backends the cache tier and object store the app servers call besides the store
 */
public record AppSettings(int serversPerRegion, int cores, long serviceTimeMeanNs, double serviceTimeCv, int storeCalls,
    Balancing balancing, ExtensionClass<LoadBalancingPolicy> balancerClass, AppBackends backends) {
  /** Most app servers per region. Assumption: beyond the seeds' largest fleets (Animoto's 5,000). */
  public static final int SERVERS_MAX = 100_000;

  /** How the clients of a region pick the app server of a request. */
  public enum Balancing {
    /** The region's app servers in turn. */
    ROUND_ROBIN,
    /** The app server with the fewest requests this client has in flight there, ties in turn. */
    LEAST_OUTSTANDING;

    /** The name used in configs: {@code round-robin}, {@code least-outstanding}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A new instance of this balancing's policy. */
    public LoadBalancingPolicy policy() {
      return this == ROUND_ROBIN ? new RoundRobin() : new LeastOutstanding();
    }

    /** The balancing named {@code value} in a config, or null. */
    public static Balancing fromConfig(String value) {
      for (Balancing b : values()) {
        if (b.configName().equals(value)) return b;
      }
      return null;
    }
  }

  public AppSettings {
    if (serversPerRegion < 1 || serversPerRegion > SERVERS_MAX) {
      throw new IllegalArgumentException("serversPerRegion must be in [1, " + SERVERS_MAX + "], got " + serversPerRegion);
    }
    if (cores < 1 || cores > geosim.node.Cpu.CORES_MAX) throw new IllegalArgumentException("cores out of range: " + cores);
    if (serviceTimeMeanNs <= 0) throw new IllegalArgumentException("serviceTimeMeanNs must be > 0, got " + serviceTimeMeanNs);
    if (!(serviceTimeCv >= 0 && serviceTimeCv <= 100)) {
      throw new IllegalArgumentException("serviceTimeCv must be in [0, 100], got " + serviceTimeCv);
    }
    if (storeCalls < 0 || storeCalls > ClientSettings.SCAN_LENGTH_MAX) {
      throw new IllegalArgumentException("storeCalls must be in [0, " + ClientSettings.SCAN_LENGTH_MAX + "], got " + storeCalls);
    }
    Objects.requireNonNull(balancing, "balancing");
    Objects.requireNonNull(backends, "backends");
  }

  /** The cache tier, or null. */
  public CacheSettings cache() {
    return backends.cache();
  }

  /** The database servers, or null. */
  public RelationalSettings database() {
    return backends.database();
  }

  /** The object store, or null. */
  public ObjectStoreSettings objectStore() {
    return backends.objectStore();
  }

  /** Database calls per request: 0 without a database. */
  public int databaseCalls() {
    return backends.databaseCalls();
  }

  /** Object calls per request: 0 without an object store. */
  public int objectCalls() {
    return backends.objectStore() == null ? 0 : backends.objectStore().callsPerRequest();
  }

  /** Settings with one of the built-in balancings and no cache or object store. */
  public AppSettings(int serversPerRegion, int cores, long serviceTimeMeanNs, double serviceTimeCv, int storeCalls,
      Balancing balancing) {
    this(serversPerRegion, cores, serviceTimeMeanNs, serviceTimeCv, storeCalls, balancing, null, AppBackends.NONE);
  }

  /** These settings with {@code servers} app servers per region (an app autoscaler's pool of {@code max} slots). */
  public AppSettings withServersPerRegion(int servers) {
    return new AppSettings(servers, cores, serviceTimeMeanNs, serviceTimeCv, storeCalls, balancing, balancerClass, backends);
  }

  /** A new load-balancing policy for one client actor: the class of one's own, else the balancing's. */
  public LoadBalancingPolicy newPolicy() {
    return balancerClass == null ? balancing.policy() : balancerClass.create();
  }

  /**
   * One request's CPU time, ns: lognormal with the mean and cv of these settings (sigma^2 = ln(1 +
   * cv^2), mu = ln(mean) - sigma^2 / 2), or the mean when cv is 0. At least 1 ns.
   */
  public long serviceTimeNs(StreamRandom random) {
    if (serviceTimeCv == 0) return serviceTimeMeanNs;
    double sigma2 = Math.log1p(serviceTimeCv * serviceTimeCv);
    double mu = Math.log(serviceTimeMeanNs) - sigma2 / 2;
    return Math.max(1, Math.round(Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian())));
  }
}
