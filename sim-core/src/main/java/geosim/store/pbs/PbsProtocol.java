package geosim.store.pbs;

/** Messages between the PBS coordinator and its replicas. Versions start at 1; 0 means none. */
sealed interface PbsProtocol {
  /** Timer of the coordinator: start the next trial. */
  record StartTrial() implements PbsProtocol {}

  /** Timer of the coordinator: the read of {@code trial} starts now. */
  record StartRead(long trial) implements PbsProtocol {}

  /** W leg: store {@code version} of key {@code trial}. */
  record Write(long trial, long version) implements PbsProtocol {}

  /** A leg: replica {@code replica} stored the write of {@code trial}. */
  record WriteAck(long trial, int replica) implements PbsProtocol {}

  /** R leg: send your version of key {@code trial}. */
  record Read(long trial) implements PbsProtocol {}

  /** S leg: replica {@code replica} held {@code version} of key {@code trial} when the read reached it. */
  record ReadResponse(long trial, int replica, long version) implements PbsProtocol {}
}
