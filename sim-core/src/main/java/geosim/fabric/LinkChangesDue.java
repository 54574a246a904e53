package geosim.fabric;

/** Timer: a change of the link schedule (background rate, cut) is due on one of the actor's ports. */
public record LinkChangesDue() implements PortsMessage {}
