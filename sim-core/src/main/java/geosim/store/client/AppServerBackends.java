package geosim.store.client;

/**
 * What one app server reaches besides the store, worked out before the run.
 *
 * @param cache its region's cache servers, or null without a cache tier
 * @param objects its region's object store endpoint, or null without an object store
 * @param database its way to the database servers, or null without a database
 */
record AppServerBackends(CacheAccess cache, ObjectAccess objects, DatabaseAccess database) {}
