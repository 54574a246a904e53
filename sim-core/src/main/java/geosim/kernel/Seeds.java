package geosim.kernel;

/**
 * Stable 64-bit identities and random-stream seeds derived from names.
 *
 * <p>An actor's id is a hash of its path ({@code us-east/use1-a/rack-3/srv-12}), so it does not
 * depend on creation order, partitioning or the JVM: it is part of the total event order and of
 * the actor's random stream. The hash is 64-bit FNV-1a over the path's UTF-16 code units,
 * finalised with the MurmurHash3 64-bit mixer [1], [2]; the kernel rejects the (astronomically
 * unlikely) collision of two paths at build time.
 *
 * <p>A stream seed mixes the run's root seed with an id, so each actor (and each named
 * subsystem) gets its own stream and adding a consumer never shifts the others.
 *
 * <p>[1] Fowler, Noll, Vo: FNV hash, http://www.isthe.com/chongo/tech/comp/fnv/ <br>
 * [2] Appleby: MurmurHash3, fmix64 finaliser, https://github.com/aappleby/smhasher
 */
public final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Seeds() {}

  /** The stable id of a path (or any name). */
  public static long idOf(String path) {
    long h = FNV_OFFSET;
    for (int i = 0; i < path.length(); i++) {
      h ^= path.charAt(i);
      h *= FNV_PRIME;
    }
    return mix64(h);
  }

  /** The seed of the stream that belongs to {@code id} in a run with root seed {@code rootSeed}. */
  public static long streamSeed(long rootSeed, long id) {
    return mix64(mix64(rootSeed + GOLDEN_GAMMA) ^ id);
  }

  /** The seed of a named stream, e.g. {@code streamSeed(seed, "faults")}. */
  public static long streamSeed(long rootSeed, String name) {
    return streamSeed(rootSeed, idOf(name));
  }

  /** MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
