package geosim.fabric;

/**
 * What a {@link Frame} carries from one server to another: an application's message (a ping,
 * a read request, ...). Implementations are immutable records.
 */
public interface FramePayload {}
