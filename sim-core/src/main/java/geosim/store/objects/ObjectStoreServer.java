package geosim.store.objects;

import geosim.fabric.FabricMessage;
import geosim.kernel.ActorContext;
import geosim.kernel.Counter;
import geosim.kernel.SimActor;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One region's S3-like endpoint ({@link ObjectStoreSettings}). It has no queue: S3 serves every
 * request in parallel, each over its own stream, so a call takes its first-byte latency plus the
 * object's size over one stream's bandwidth, whatever the load (seed 000: "10MB/sec and 200MS
 * latency" between EC2 and S3). The region's bucket starts with {@code objects} objects of the
 * size distribution's mean, by expectation; a put replaces its key's object with a new version of a
 * new size, a get reads the current version.
 *
 * <p>It integrates the bytes held over time (byte-seconds) for the storage price; a put's new size
 * counts from when its transfer ends.
 */
public final class ObjectStoreServer implements SimActor<FabricMessage> {
  private final ObjectStoreSettings settings;
  private long salt;
  /** Versions of the keys put in the run; looked up by key, never iterated. */
  private final Map<Long, Long> versions = new HashMap<>();
  private double storedBytes;
  private long storedSinceNs;
  private double byteSecondsUncounted;
  private Counter gets;
  private Counter puts;
  private Counter bytesRead;
  private Counter bytesWritten;
  private Counter byteSeconds;
  private Histogram getLatencyUs;
  private Histogram putLatencyUs;

  /** @param objects objects in the bucket at the start, >= 0 */
  public ObjectStoreServer(ObjectStoreSettings settings, long objects) {
    this.settings = settings;
    this.storedBytes = (double) objects * settings.sizes().meanBytes();
  }

  @Override
  public void start(ActorContext<FabricMessage> ctx) {
    salt = ctx.random().nextLong(); // the objects' sizes differ from seed to seed
    gets = ctx.metrics().counter(ObjectStoreMetrics.GETS);
    puts = ctx.metrics().counter(ObjectStoreMetrics.PUTS);
    bytesRead = ctx.metrics().counter(ObjectStoreMetrics.BYTES_READ);
    bytesWritten = ctx.metrics().counter(ObjectStoreMetrics.BYTES_WRITTEN);
    byteSeconds = ctx.metrics().counter(ObjectStoreMetrics.BYTE_SECONDS);
    getLatencyUs = ctx.metrics().histogram(ObjectStoreMetrics.GET_LATENCY_US);
    putLatencyUs = ctx.metrics().histogram(ObjectStoreMetrics.PUT_LATENCY_US);
    ctx.metrics().sampleAtSnapshots(this::integrateTo);
  }

  @Override
  public void receive(FabricMessage message, ActorContext<FabricMessage> ctx) {
    if (message instanceof ObjectStoreProtocol.Call call) {
      onCall(call, ctx);
    } else if (message instanceof Stored stored) {
      integrateTo(ctx.now());
      storedBytes += stored.deltaBytes();
    } else {
      throw new IllegalStateException("object store " + ctx.self().path() + " cannot handle " + message + " at t="
          + ctx.now() + " ns");
    }
  }

  private void onCall(ObjectStoreProtocol.Call call, ActorContext<FabricMessage> ctx) {
    long version = versions.getOrDefault(call.key(), 0L);
    long oldBytes = settings.sizes().sizeBytes(salt, call.key(), version);
    long bytes = oldBytes;
    if (call.put()) {
      versions.put(call.key(), version + 1);
      bytes = settings.sizes().sizeBytes(salt, call.key(), version + 1);
    }
    long tookNs = settings.firstByteNs(ctx.random()) + settings.transferNs(bytes);
    (call.put() ? puts : gets).increment();
    (call.put() ? bytesWritten : bytesRead).add(bytes);
    (call.put() ? putLatencyUs : getLatencyUs).recordValue(Math.max(1, tookNs / 1000));
    if (call.put()) ctx.schedule(new Stored(bytes - oldBytes), tookNs);
    ctx.send(call.replyTo(), new ObjectStoreProtocol.Done(call.tag()), tookNs + call.replyDelayNs());
  }

  /** Adds the byte-seconds held since the last call to the counter, whole ones; the fraction waits. */
  private void integrateTo(long atNs) {
    byteSecondsUncounted += storedBytes * ((atNs - storedSinceNs) / 1e9);
    storedSinceNs = atNs;
    long whole = (long) Math.floor(byteSecondsUncounted);
    if (whole > 0) {
      byteSeconds.add(whole);
      byteSecondsUncounted -= whole;
    }
  }

  /** Timer: a put's transfer ended; the bucket holds {@code deltaBytes} more (or fewer). */
  record Stored(long deltaBytes) implements FabricMessage {}
}
