/**
 * Layer 0, the engine: virtual time, the total event order, the actor API, per-actor random
 * streams, and the Pekko partitions that run simulated actors in conservative time windows.
 * Depends on nothing else in geosim.
 */
package geosim.kernel;
