package geosim.store.client;

import geosim.relational.RelationalSettings;
import geosim.store.cache.CacheSettings;
import geosim.store.objects.ObjectStoreSettings;

/**
 * What the app tier calls besides the store: a cache tier it uses look-aside, an object store, and
 * a relational database (MySQL primaries with asynchronous replicas).
 *
 * @param cache the cache tier ({@code store.cache}), or null for none
 * @param objectStore the object store ({@code store.object-store}), or null for none
 * @param database the database servers (the scenario's {@code relational} block), or null for none
 * @param databaseCalls database requests per app request ({@code store.app.database-calls}), 0 to
 *     {@value ClientSettings#SCAN_LENGTH_MAX}; 0 exactly when {@code database} is null
 */
public record AppBackends(CacheSettings cache, ObjectStoreSettings objectStore, RelationalSettings database,
    int databaseCalls) {
  /** Neither a cache nor an object store nor a database. */
  public static final AppBackends NONE = new AppBackends(null, null);

  public AppBackends {
    if (databaseCalls < 0 || databaseCalls > ClientSettings.SCAN_LENGTH_MAX) {
      throw new IllegalArgumentException("databaseCalls must be in [0, " + ClientSettings.SCAN_LENGTH_MAX + "], got "
          + databaseCalls);
    }
    if ((database == null) != (databaseCalls == 0)) {
      throw new IllegalArgumentException("a database needs database calls and calls need a database");
    }
  }

  /** A cache tier and an object store (each null for none), no database. */
  public AppBackends(CacheSettings cache, ObjectStoreSettings objectStore) {
    this(cache, objectStore, null, 0);
  }
}
