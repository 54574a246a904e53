package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigValue;
import geosim.store.objects.ObjectSizes;
import geosim.store.objects.ObjectStorePrices;
import geosim.store.objects.ObjectStoreSettings;

/** Reads {@code store.object-store} into {@link ObjectStoreSettings}. */
final class ObjectStoreReader {
  static final String BLOCK = "store.object-store";
  private static final String PRICE = BLOCK + ".price";
  /** Highest price of anything. Assumption: far beyond any price S3 ever charged. */
  private static final double PRICE_MAX = 1e6;
  /** Fastest stream, Mbit/s. Assumption: a 1 Tbit/s NIC. */
  private static final double STREAM_MBPS_MAX = 1e6;

  private final ValueReader reader;
  private final Problems problems;

  ObjectStoreReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The object store; null when {@code calls-per-request} is 0, or after a problem. */
  ObjectStoreSettings read(ConfigValue block) {
    int before = problems.count();
    Long calls = reader.integerAt(block, BLOCK, "calls-per-request", 0, ObjectStoreSettings.CALLS_MAX);
    Long latencyNs = reader.durationNsAt(block, BLOCK, "first-byte-latency", false);
    Double sigma = reader.decimalAt(block, BLOCK, "first-byte-latency-sigma", 0, 10);
    Double mbps = reader.decimalAt(block, BLOCK, "stream-bandwidth-mbps", 1e-6, STREAM_MBPS_MAX);
    Long size = reader.bytes(path(BLOCK, "object-size"), reader.child(block, BLOCK, "object-size"), 1,
        ObjectSizes.SIZE_BYTES_MAX);
    Double cv = reader.decimalAt(block, BLOCK, "object-size-cv", 0, 100);
    ConfigValue price = reader.child(block, BLOCK, "price");
    Double put = reader.decimalAt(price, PRICE, "put-per-1000", 0, PRICE_MAX);
    Double get = reader.decimalAt(price, PRICE, "get-per-10000", 0, PRICE_MAX);
    Double storage = reader.decimalAt(price, PRICE, "storage-gb-month", 0, PRICE_MAX);
    if (problems.count() != before || calls == 0) return null;
    return new ObjectStoreSettings(calls.intValue(), latencyNs, sigma, mbps * 1e6 / 8, new ObjectSizes(size, cv),
        new ObjectStorePrices(put, get, storage));
  }
}
