package geosim.queue;

import geosim.kernel.StreamRandom;
import java.util.Locale;

/** How service demands are drawn around their mean. */
public enum ServiceDistribution {
  /** Exponential with the given mean (M/M/c). */
  EXPONENTIAL,
  /** Always exactly the mean (M/D/c). */
  DETERMINISTIC;

  /** The name used in configs: {@code exponential} or {@code deterministic}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value.
   *
   * @throws IllegalArgumentException with the message {@code expected one of
   *     exponential|deterministic, got 'x'}
   */
  public static ServiceDistribution fromConfig(String value) {
    for (ServiceDistribution d : values()) {
      if (d.configName().equals(value)) return d;
    }
    throw new IllegalArgumentException("expected one of exponential|deterministic, got '" + value + "'");
  }

  /** One demand in nanoseconds with mean {@code meanNs}, drawn from {@code random} if needed. */
  long drawNs(long meanNs, StreamRandom random) {
    return this == DETERMINISTIC ? meanNs : Math.round(random.exponential(meanNs));
  }
}
