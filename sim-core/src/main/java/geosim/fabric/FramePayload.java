package geosim.fabric;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a {@link Frame} carries from one server to another: an application's message (a ping,
 * a read request, ...). Implementations are immutable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) // its implementations cross JVMs in frames (docs/cluster.md)
public interface FramePayload {}
