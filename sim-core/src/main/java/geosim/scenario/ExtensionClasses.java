package geosim.scenario;

import com.typesafe.config.ConfigValue;
import geosim.elastic.AutoscalingPolicy;
import geosim.kernel.ExtensionClass;
import geosim.store.gossip.FailureDetector;
import geosim.store.gossip.GossipSettings;
import geosim.store.client.LoadBalancingPolicy;
import geosim.store.ring.PlacementStrategy;
import java.lang.reflect.Modifier;

/**
 * Reads the keys that name a Java class implementing one of sim-core's extension points: the
 * failure detector ({@code fd.detector-class}, {@code store.failure-detector.class}), the
 * autoscaling policy ({@code fleet.autoscaler.class}), the app tier's load-balancing policy
 * ({@code store.app.balancer-class}) and the replica placement strategy ({@code
 * store.placement-class}). An empty name means the built-in
 * implementation; a class that cannot be used is a problem at its key.
 *
 * <p>Classes are looked up through the reading thread's context class loader, so a tool that
 * compiled a student's classes into their own loader (geosim's {@code lab check --student-dir})
 * makes it the context loader before it loads the scenario.
 */
final class ExtensionClasses {
  private ExtensionClasses() {}

  /** The failure detector named at {@code path}, or null for phi accrual (or after a problem). */
  static ExtensionClass<FailureDetector> detector(ValueReader reader, Problems problems, ConfigValue value, String path) {
    return constructor(reader, problems, value, path, FailureDetector.class, GossipSettings.class);
  }

  /** The load-balancing policy named at {@code path}, or null for {@code store.app.balancing} (or after a problem). */
  static ExtensionClass<LoadBalancingPolicy> balancer(ValueReader reader, Problems problems, ConfigValue value, String path) {
    return constructor(reader, problems, value, path, LoadBalancingPolicy.class);
  }

  /** The replica placement strategy named at {@code path}, or null for the replication strategy's own (or after a problem). */
  static ExtensionClass<PlacementStrategy> placement(ValueReader reader, Problems problems, ConfigValue value, String path) {
    return constructor(reader, problems, value, path, PlacementStrategy.class);
  }

  /** A new instance of the autoscaling policy named at {@code path}, or null for none given (or after a problem). */
  static AutoscalingPolicy autoscaler(ValueReader reader, Problems problems, ConfigValue value, String path) {
    ExtensionClass<AutoscalingPolicy> type = constructor(reader, problems, value, path, AutoscalingPolicy.class);
    if (type == null) return null;
    try {
      return type.create();
    } catch (RuntimeException e) {
      problems.at(value, path, type.name() + "() failed: " + e);
      return null;
    }
  }

  /** The class named at {@code path} with its public constructor taking {@code parameters}; null if none is named or it cannot be used. */
  private static <T> ExtensionClass<T> constructor(ValueReader reader, Problems problems, ConfigValue value, String path,
      Class<T> type, Class<?>... parameters) {
    Class<? extends T> found = find(reader, problems, value, path, type);
    if (found == null) return null;
    try {
      return ExtensionClass.of(found, parameters);
    } catch (IllegalArgumentException e) {
      problems.at(value, path, e.getMessage());
      return null;
    }
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
