package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.elastic.AutoscalingPolicy;
import geosim.store.gossip.DetectorClass;
import geosim.store.gossip.FailureDetector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Reads the keys that name a Java class implementing one of sim-core's extension points: the
 * failure detector ({@code fd.detector-class}, {@code store.failure-detector.class}) and the
 * autoscaling policy ({@code fleet.autoscaler.class}). An empty name means the built-in
 * implementation; a class that cannot be used is a problem at its key.
 *
 * <p>Classes are looked up through the reading thread's context class loader, so a tool that
 * compiled a student's classes into their own loader (geosim's {@code lab check --student-dir})
 * makes it the context loader before it loads the scenario.
 */
final class ExtensionClasses {
  private ExtensionClasses() {}

  /** The failure detector named at {@code path}, or null for phi accrual (or after a problem). */
  static DetectorClass detector(ValueReader reader, Problems problems, ConfigValue value, String path) {
    Class<? extends FailureDetector> type = find(reader, problems, value, path, FailureDetector.class);
    if (type == null) return null;
    try {
      return DetectorClass.of(type);
    } catch (IllegalArgumentException e) {
      problems.at(value, path, e.getMessage());
      return null;
    }
  }

  /** A new instance of the autoscaling policy named at {@code path}, or null for none given (or after a problem). */
  static AutoscalingPolicy autoscaler(ValueReader reader, Problems problems, ConfigValue value, String path) {
    Class<? extends AutoscalingPolicy> type = find(reader, problems, value, path, AutoscalingPolicy.class);
    if (type == null) return null;
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      problems.at(value, path, type.getName() + " has no public constructor " + type.getSimpleName() + "()");
    } catch (InvocationTargetException e) {
      problems.at(value, path, type.getName() + "() failed: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      problems.at(value, path, "cannot create " + type.getName() + ": " + e);
    }
    return null;
  }

  /** The public concrete class named at {@code path} that implements {@code type}; null if none is named or it cannot be used. */
  private static <T> Class<? extends T> find(ValueReader reader, Problems problems, ConfigValue value, String path,
      Class<T> type) {
    String name = reader.string(path, value);
    if (name == null || name.isBlank()) return null;
    Class<?> found;
    try {
      found = Class.forName(name.strip(), false, loader());
    } catch (ClassNotFoundException | LinkageError e) {
      problems.at(value, path, "no class " + name.strip() + " on the class path");
      return null;
    }
    int modifiers = found.getModifiers();
    if (!type.isAssignableFrom(found) || !Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers)) {
      problems.at(value, path, name.strip() + " is not a public, concrete class implementing " + type.getName());
      return null;
    }
    return found.asSubclass(type);
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ExtensionClasses.class.getClassLoader();
  }
}
