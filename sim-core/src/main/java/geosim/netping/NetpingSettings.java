package geosim.netping;

/**
 * Parameters of the netping model. Times are virtual nanoseconds.
 *
 * @param intervalMeanNs mean time between two pings one server sends (exponential), > 0
 * @param messageBytes size of a ping and of a pong on the wire, bytes, 1 to {@value #MESSAGE_BYTES_MAX};
 *     a message larger than the MTU is still one unit (not split into packets)
 * @param remoteFraction probability that a ping goes to a server of another region, 0 to 1
 * @param serviceTimeMeanNs mean CPU time (exponential) a server spends answering a ping, core
 *     ns, >= 0; 0 answers at once
 */
public record NetpingSettings(long intervalMeanNs, long messageBytes, double remoteFraction, long serviceTimeMeanNs) {
  /** Largest message: 1 GiB. Assumption: far beyond any single ping, small enough to never overflow bits. */
  public static final long MESSAGE_BYTES_MAX = 1L << 30;

  public NetpingSettings {
    if (intervalMeanNs <= 0) throw new IllegalArgumentException("intervalMeanNs must be > 0, got " + intervalMeanNs);
    if (messageBytes < 1 || messageBytes > MESSAGE_BYTES_MAX) {
      throw new IllegalArgumentException(
          "messageBytes must be between 1 and " + MESSAGE_BYTES_MAX + ", got " + messageBytes);
    }
    if (!(remoteFraction >= 0 && remoteFraction <= 1)) {
      throw new IllegalArgumentException("remoteFraction must be between 0 and 1, got " + remoteFraction);
    }
    if (serviceTimeMeanNs < 0) {
      throw new IllegalArgumentException("serviceTimeMeanNs must be >= 0, got " + serviceTimeMeanNs);
    }
  }
}
