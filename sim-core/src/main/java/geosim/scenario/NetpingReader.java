package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.netping.NetpingSettings;

/**
 * Reads the {@code netping} block into {@link NetpingSettings}: a mean ping interval above 0, a
 * message size of 1 byte to {@link NetpingSettings#MESSAGE_BYTES_MAX}, a remote fraction from 0
 * to 1, a mean service time >= 0.
 */
final class NetpingReader {
  private static final String NETPING = "netping";

  private final ValueReader reader;
  private final Problems problems;

  NetpingReader(ValueReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The netping settings, or null when any problem was reported. */
  NetpingSettings read(ConfigValue netping) {
    int before = problems.count();
    Long intervalMeanNs = reader.durationNsAt(netping, NETPING, "interval-mean", false);
    Long messageBytes = reader.integerAt(netping, NETPING, "message-bytes", 1, NetpingSettings.MESSAGE_BYTES_MAX);
    Double remoteFraction = reader.decimalAt(netping, NETPING, "remote-fraction", 0, 1);
    Long serviceTimeMeanNs = reader.durationNsAt(netping, NETPING, "service-time-mean", true);
    if (problems.count() != before) return null;
    return new NetpingSettings(intervalMeanNs, messageBytes, remoteFraction, serviceTimeMeanNs);
  }
}
