package geosim.fabric;

/**
 * What a port owner hands to its {@link Ports} untouched: its own timer for the next scheduled
 * change, or a new schedule of its links from a fault injected while the run goes on.
 */
public sealed interface PortsMessage extends FabricMessage permits LinkChangesDue, LinkScheduleChanged {}
