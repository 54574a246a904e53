package geosim.store.cache;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import geosim.node.Cpu;
import java.util.List;

/**
 * A memcached server ({@link CacheSettings}): an {@link LruCache} of the items its memory holds,
 * and {@code threads} worker threads that spend {@code cpuPerRequestNs} on each request, first
 * come first served. A get is answered hit or miss once its CPU work is done; sets and deletes are
 * not answered. Items never expire (memcached's exptime 0); a write's delete keeps the cache from
 * serving the old value again.
 *
 * <p>Its scheduled crashes ({@link CacheCrash}) are timers it sets itself at start. While down it
 * refuses connections: a get is answered miss at once (a host whose process died answers a TCP
 * connect with a reset, so the app server learns it after the access hop's round trip, not after
 * a timeout), sets and deletes are lost. It restarts empty.
 */
public final class CacheServer implements SimActor<FabricMessage> {
  private final LruCache lru;
  private final Cpu cpu;
  private final long cpuPerRequestNs;
  private final List<CacheCrash> crashes;
  private final String region;
  private final String name;
  private boolean down;
  private Counter hits;
  private Counter misses;
  private Counter refused;
  private Counter evictions;
  private Counter sets;
  private Counter deletes;
  private Counter serverGets;
  private Counter serverHits;

  /**
   * @param settings the tier's settings
   * @param region its region; {@code name} its name there ({@code cache-1})
   * @param crashes its own scheduled crashes
   */
  public CacheServer(CacheSettings settings, String region, String name, List<CacheCrash> crashes) {
    this.lru = new LruCache(settings.capacityItems());
    this.cpu = new Cpu(settings.threads());
    this.cpuPerRequestNs = settings.cpuPerRequestNs();
    this.crashes = List.copyOf(crashes);
    this.region = region;
    this.name = name;
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    hits = ctx.metrics().counter(CacheMetrics.HITS);
    misses = ctx.metrics().counter(CacheMetrics.MISSES);
    refused = ctx.metrics().counter(CacheMetrics.REFUSED);
    evictions = ctx.metrics().counter(CacheMetrics.EVICTIONS);
    sets = ctx.metrics().counter(CacheMetrics.SETS);
    deletes = ctx.metrics().counter(CacheMetrics.DELETES);
    serverGets = ctx.metrics().counter(CacheMetrics.serverGets(region, name));
    serverHits = ctx.metrics().counter(CacheMetrics.serverHits(region, name));
    for (CacheCrash crash : crashes) ctx.schedule(new CacheProtocol.Crashed(crash.downNs()), crash.atNs());
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof CacheProtocol.Get get) {
      onGet(get, ctx);
    } else if (message instanceof CacheProtocol.Set set) {
      if (down) return;
      cpu.submit(ctx.now(), cpuPerRequestNs);
      sets.increment();
      if (lru.set(set.key())) evictions.increment();
    } else if (message instanceof CacheProtocol.Delete delete) {
      if (down) return;
      cpu.submit(ctx.now(), cpuPerRequestNs);
      deletes.increment();
      lru.delete(delete.key());
    } else if (message instanceof CacheProtocol.Crashed crashed) {
      down = true;
      lru.clear();
      ctx.schedule(new CacheProtocol.Restarted(), crashed.downNs());
    } else if (message instanceof CacheProtocol.Restarted) {
      down = false;
    } else {
      throw new IllegalStateException("cache server " + ctx.self().path() + " cannot handle " + message + " at t="
          + ctx.now() + " ns");
    }
  }

  private void onGet(CacheProtocol.Get get, ActorContext<FabricMessage> ctx) {
    serverGets.increment();
    if (down) {
      refused.increment();
      misses.increment();
      ctx.send(get.replyTo(), new CacheProtocol.GetResult(get.tag(), false), get.replyDelayNs());
      return;
    }
    boolean hit = lru.get(get.key());
    (hit ? hits : misses).increment();
    if (hit) serverHits.increment();
    long doneNs = cpu.submit(ctx.now(), cpuPerRequestNs);
    ctx.send(get.replyTo(), new CacheProtocol.GetResult(get.tag(), hit), doneNs - ctx.now() + get.replyDelayNs());
  }

  /** Items held now. */
  public int items() {
    return lru.size();
  }
}
