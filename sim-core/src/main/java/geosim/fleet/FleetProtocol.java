package geosim.fleet;

/** Messages of a {@link RegionFleet}: it only ticks itself. */
sealed interface FleetProtocol {
  /** Work out the next tick of virtual time. */
  record Tick() implements FleetProtocol {}
}
