package geosim.workload;

import geosim.kernel.StreamRandom;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Which key a request touches, after YCSB's request distributions (B. F. Cooper et al.,
 * "Benchmarking Cloud Serving Systems with YCSB", SoCC 2010, section 4.1; the defaults are those
 * of YCSB's CoreWorkload). Keys {@code 0 .. keys-1} exist from the start; inserts add new keys
 * after them ({@link Source#insertKey}). A chooser is a description; each client gets its own
 * {@link Source} over its own random stream.
 */
public sealed interface KeyChooser {
  /** YCSB's zipfian constant, 0.99 (CoreWorkload's ZIPFIAN_CONSTANT). */
  double YCSB_THETA = 0.99;
  /** YCSB's hot-spot defaults: 20% of the keys (hotspotdatafraction) get 80% of the requests (hotspotopnfraction). */
  double YCSB_HOT_DATA = 0.2;
  double YCSB_HOT_OPERATIONS = 0.8;
  /** Most keys a zipfian chooser ranks: the sampler counts ranks in an int. */
  long ZIPF_KEYS_MAX = Integer.MAX_VALUE;

  /** Keys that exist from the start, >= 1. */
  long keys();

  /**
   * The keys of client {@code client} of {@code clients}, drawn from {@code random}. Client c's
   * i-th insert creates key {@code keys + c + i x clients}, so clients never insert the same key.
   */
  default Source source(int client, int clients, StreamRandom random) {
    if (clients < 1 || client < 0 || client >= clients) {
      throw new IllegalArgumentException("client must be in [0, clients), got " + client + " of " + clients);
    }
    return new Source(this, client, clients, random);
  }

  /** Every key equally likely. */
  record Uniform(long keys) implements KeyChooser {
    public Uniform {
      requireKeys(keys, Long.MAX_VALUE / 2);
    }
  }

  /** Key k (rank k + 1) with probability proportional to {@code 1 / (k + 1)^theta}: key 0 is the hottest. */
  record Zipfian(long keys, double theta) implements KeyChooser {
    public Zipfian {
      requireKeys(keys, ZIPF_KEYS_MAX);
      requireTheta(theta);
    }
  }

  /** Zipfian over recency: the newest key (the client's last insert, else key keys-1) is the hottest. */
  record Latest(long keys, double theta) implements KeyChooser {
    public Latest {
      requireKeys(keys, ZIPF_KEYS_MAX);
      requireTheta(theta);
    }
  }

  /** A hot set, the first {@code hotData} of the keys, gets {@code hotOperations} of the requests, uniformly. */
  record Hotspot(long keys, double hotData, double hotOperations) implements KeyChooser {
    public Hotspot {
      requireKeys(keys, Long.MAX_VALUE / 2);
      if (!(hotData > 0 && hotData < 1)) throw new IllegalArgumentException("hotData must be in (0, 1), got " + hotData);
      if (!(hotOperations >= 0 && hotOperations <= 1)) {
        throw new IllegalArgumentException("hotOperations must be in [0, 1], got " + hotOperations);
      }
    }
  }

  private static void requireKeys(long keys, long max) {
    if (keys < 1 || keys > max) throw new IllegalArgumentException("keys must be in [1, " + max + "], got " + keys);
  }

  private static void requireTheta(double theta) {
    if (!(theta > 0 && theta <= 10)) throw new IllegalArgumentException("theta must be in (0, 10], got " + theta);
  }

  /** One client's keys: what it reads and updates ({@link #next}) and what it inserts ({@link #insertKey}). */
  final class Source {
    private final KeyChooser chooser;
    private final int client;
    private final int clients;
    private final StreamRandom random;
    private final DiscreteSampler zipf;
    private long inserted;

    private Source(KeyChooser chooser, int client, int clients, StreamRandom random) {
      this.chooser = chooser;
      this.client = client;
      this.clients = clients;
      this.random = random;
      double theta = chooser instanceof Zipfian z ? z.theta() : chooser instanceof Latest l ? l.theta() : 0;
      this.zipf = theta > 0 ? RejectionInversionZipfSampler.of(random, (int) Math.min(chooser.keys(), ZIPF_KEYS_MAX), theta) : null;
    }

    /** A key to read or update. */
    public long next() {
      if (chooser instanceof Zipfian) return zipf.sample() - 1L;
      if (chooser instanceof Latest) return latest(zipf.sample() - 1L);
      if (chooser instanceof Hotspot h) return hotspot(h);
      return random.nextLong(chooser.keys());
    }

    /** A new key, never chosen by another client. */
    public long insertKey() {
      return insertedKey(inserted++);
    }

    /** Keys this client has inserted. */
    public long inserted() {
      return inserted;
    }

    private long insertedKey(long i) {
      return chooser.keys() + client + i * clients;
    }

    /** Rank 0 is the newest key; ranks beyond this client's inserts fall back on the initial keys, newest first. */
    private long latest(long rank) {
      if (rank < inserted) return insertedKey(inserted - 1 - rank);
      return chooser.keys() - 1 - Math.floorMod(rank - inserted, chooser.keys());
    }

    private long hotspot(Hotspot h) {
      long hot = Math.max(1, (long) (h.keys() * h.hotData()));
      long cold = h.keys() - hot;
      if (cold == 0 || random.nextDouble() < h.hotOperations()) return random.nextLong(hot);
      return hot + random.nextLong(cold);
    }
  }
}
