package geosim.store.objects;

/**
 * What an S3-like store charges, in US dollars (docs/store/object-store.md gives the sources: S3's
 * prices of 2008 to 2010). Transfer between the app servers and the store is free: EC2 and S3 in
 * one region.
 *
 * @param putUsdPer1000 price of 1,000 PUT requests, >= 0
 * @param getUsdPer10000 price of 10,000 GET requests, >= 0
 * @param storageUsdPerGbMonth price of storing one GB ({@link #GB_BYTES}) for a month, >= 0
 */
public record ObjectStorePrices(double putUsdPer1000, double getUsdPer10000, double storageUsdPerGbMonth) {
  /** Bytes of the GB that storage is billed in. Source: AWS bills storage per GB of 2^30 bytes ("GB-Month"). */
  public static final double GB_BYTES = 1L << 30;
  /** Seconds of the billing month. Assumption: 30 days (AWS prorates GB-months by hours used). */
  public static final double MONTH_SECONDS = 30 * 86_400.0;

  public ObjectStorePrices {
    if (!(putUsdPer1000 >= 0 && getUsdPer10000 >= 0 && storageUsdPerGbMonth >= 0)) {
      throw new IllegalArgumentException("prices must be >= 0, got " + putUsdPer1000 + ", " + getUsdPer10000 + ", "
          + storageUsdPerGbMonth);
    }
  }

  /** The requests' price, USD. */
  public double requestsUsd(long puts, long gets) {
    return puts / 1000.0 * putUsdPer1000 + gets / 10_000.0 * getUsdPer10000;
  }

  /** The price of storing {@code byteSeconds} (bytes x seconds held), USD. */
  public double storageUsd(double byteSeconds) {
    return byteSeconds / GB_BYTES / MONTH_SECONDS * storageUsdPerGbMonth;
  }
}
