package geosim.queue;

/** Messages of the queue server. */
public sealed interface ServerProtocol
    permits ServerProtocol.Request, ServerProtocol.Completed, ServerProtocol.Close {

  /** A request needing {@code demandNs} core-nanoseconds of CPU, >= 0. */
  record Request(long demandNs) implements ServerProtocol {
    public Request {
      if (demandNs < 0) throw new IllegalArgumentException("demandNs must be >= 0, got " + demandNs);
    }
  }

  /** Timer: the request that arrived at {@code arrivalNs} has completed. */
  record Completed(long arrivalNs) implements ServerProtocol {}

  /** Timer, one nanosecond before the run ends: bring the time integrals up to the end. */
  record Close() implements ServerProtocol {}
}
