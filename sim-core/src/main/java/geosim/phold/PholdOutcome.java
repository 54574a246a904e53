package geosim.phold;

/**
 * What one PHOLD run produced.
 *
 * @param events events processed before the end time
 * @param fingerprint hash of every entity's event count, in entity order (16 hex digits);
 *     equal for equal seeds at any partitioning and on either engine
 * @param partitions partitions used (1 for the reference loop)
 * @param windows kernel windows (0 for the reference loop)
 */
public record PholdOutcome(long events, String fingerprint, int partitions, long windows) {

  /** The same outcome as the reference loop reports it: no partitions, no windows. */
  public PholdOutcome withoutKernelDetails() {
    return new PholdOutcome(events, fingerprint, 1, 0);
  }

  /** FNV-1a over the counts' 8 bytes each, little-endian, in entity order. */
  static String fingerprint(long[] counts) {
    long h = 0xcbf29ce484222325L;
    for (long c : counts) {
      for (int b = 0; b < 8; b++) {
        h ^= (c >>> (8 * b)) & 0xff;
        h *= 0x100000001b3L;
      }
    }
    return String.format("%016x", h);
  }
}
