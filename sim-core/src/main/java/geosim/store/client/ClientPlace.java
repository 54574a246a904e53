package geosim.store.client;

/**
 * Where a population's client actor sits and what it reaches, worked out before the run.
 *
 * @param routes its regions in failover order and its delays to the store servers
 * @param choice its choice of coordinators
 * @param source its number among {@code sources} populations, for distinct inserted keys
 * @param sources populations in the run, >= 1
 * @param horizonNs the run's end: no request starts after it
 * @param appTier the app tier its requests go through, or null to call the store directly
 */
record ClientPlace(ClientRoutes routes, CoordinatorChoice choice, int source, int sources, long horizonNs,
    AppTier appTier) {}
