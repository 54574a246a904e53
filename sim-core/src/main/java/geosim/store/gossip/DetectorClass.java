package geosim.store.gossip;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A {@link FailureDetector} class chosen by name in a scenario, resolved once when the scenario
 * is read. Classes are looked up through the reading thread's context class loader, so a tool
 * that compiled a student's classes into their own loader (geosim's {@code lab check
 * --student-dir}) sets that loader before it loads the scenario.
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
   * Finds {@code name}.
   *
   * @throws IllegalArgumentException with a message for the user when there is no such class, it
   *     is not a public FailureDetector, or it lacks the public constructor
   */
  public static DetectorClass load(String name) {
    Class<?> type;
    try {
      type = Class.forName(name, false, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("no class " + name + " on the class path");
    }
    if (!FailureDetector.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())
        || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(name + " is not a public, concrete class implementing " + FailureDetector.class.getName());
    }
    try {
      return new DetectorClass(name, type.asSubclass(FailureDetector.class).getConstructor(GossipSettings.class));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(name + " has no public constructor " + type.getSimpleName() + "(GossipSettings)");
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

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : DetectorClass.class.getClassLoader();
  }
}
