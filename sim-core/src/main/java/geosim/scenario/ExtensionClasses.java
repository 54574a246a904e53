package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.store.gossip.DetectorClass;

/**
 * Reads the keys that name a Java class implementing one of sim-core's extension points (the
 * failure detector's {@code fd.detector-class} and {@code store.failure-detector.class}). An empty
 * name means the built-in implementation; a class that cannot be used is a problem at its key.
 */
final class ExtensionClasses {
  private ExtensionClasses() {}

  /** The failure detector named at {@code path}, or null for phi accrual (or after a problem). */
  static DetectorClass detector(ValueReader reader, Problems problems, ConfigValue value, String path) {
    String name = reader.string(path, value);
    if (name == null || name.isBlank()) return null;
    try {
      return DetectorClass.load(name.strip());
    } catch (IllegalArgumentException e) {
      problems.at(value, path, e.getMessage());
      return null;
    }
  }
}
