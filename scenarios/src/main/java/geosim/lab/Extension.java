package geosim.lab;

import java.util.Objects;

/**
 * A lab's extension point: a student's class implementing {@code type} replaces the built-in
 * implementation when {@code lab check N --student-dir DIR} finds it among DIR's {@code .java}
 * files; the lab's sweep then runs with {@code key = <the class's binary name>}.
 *
 * @param key the scenario key that names the class, e.g. {@code fd.detector-class}
 * @param type the sim-core interface, e.g. {@code geosim.store.gossip.FailureDetector}
 */
public record Extension(String key, Class<?> type) {
  public Extension {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
  }
}
