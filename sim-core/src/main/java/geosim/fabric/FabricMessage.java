package geosim.fabric;

/**
 * Anything an actor on the fabric receives: {@link Frame}s, {@link LinkChangesDue} timers, and
 * an application's own timers and commands (which implement this interface too).
 */
public interface FabricMessage {}
