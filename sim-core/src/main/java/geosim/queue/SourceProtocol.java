package geosim.queue;

/** Messages of the Poisson source. */
public sealed interface SourceProtocol permits SourceProtocol.NextArrival {

  /** Timer: the next request arrives now. */
  record NextArrival() implements SourceProtocol {}
}
