package geosim.store.gossip;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * A {@link FailureDetector} class chosen by name in a scenario ({@code fd.detector-class},
 * {@code store.failure-detector.class}), resolved once when the scenario is read; every monitored
 * peer gets a new instance.
 *
 * @param name the class's binary name, e.g. {@code detectors.TimeoutDetector}
 * @param constructor its public constructor taking {@link GossipSettings}
 */
public record DetectorClass(String name, Constructor<? extends FailureDetector> constructor) {
  public DetectorClass {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(constructor, "constructor");
  }

  /**
   * The detector class {@code type}.
   *
   * @throws IllegalArgumentException naming the class when it lacks the public constructor
   *     taking {@link GossipSettings}
   */
  public static DetectorClass of(Class<? extends FailureDetector> type) {
    try {
      return new DetectorClass(type.getName(), type.getConstructor(GossipSettings.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no public constructor " + type.getSimpleName()
          + "(GossipSettings)");
    }
  }

  /** A new detector for one peer. */
  public FailureDetector create(GossipSettings settings) {
    try {
      return constructor.newInstance(settings);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(name + "(GossipSettings) failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + name, e);
    }
  }
}
