package geosim.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A class of one's own for one of sim-core's extension points (a failure detector, an
 * autoscaling policy, a load-balancing policy), chosen by name in a scenario and resolved once
 * when the scenario is read; {@link #create} makes instances. Model code only calls the interface.
 *
 * @param <T> the extension point's interface
 * @param name the class's binary name, e.g. {@code detectors.TimeoutDetector}
 * @param constructor the public constructor the extension point asks for
 */
public record ExtensionClass<T>(String name, Constructor<? extends T> constructor) {
  public ExtensionClass {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(constructor, "constructor");
  }

  /**
   * {@code type} with its public constructor taking {@code parameters}.
   *
   * @throws IllegalArgumentException naming the class and the constructor it lacks
   */
  public static <T> ExtensionClass<T> of(Class<? extends T> type, Class<?>... parameters) {
    try {
      return new ExtensionClass<>(type.getName(), type.getConstructor(parameters));
    } catch (NoSuchMethodException e) {
      String list = Arrays.stream(parameters).map(Class::getSimpleName).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(type.getName() + " has no public constructor " + type.getSimpleName()
          + "(" + list + ")");
    }
  }

  /** A new instance; an exception of the class's constructor is rethrown (unchecked ones as they are). */
  public T create(Object... arguments) {
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(name + "'s constructor failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + name, e);
    }
  }
}
