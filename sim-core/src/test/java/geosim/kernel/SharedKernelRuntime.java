package geosim.kernel;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link KernelRuntime} for all tests of a class, started before the first and closed after
 * the last: {@code @RegisterExtension static final SharedKernelRuntime RUNTIME = new
 * SharedKernelRuntime();}, then {@code RUNTIME.get()} in the tests.
 */
public final class SharedKernelRuntime implements BeforeAllCallback, AfterAllCallback {
  private KernelRuntime runtime;

  @Override
  public void beforeAll(ExtensionContext context) {
    runtime = new KernelRuntime();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    runtime.close();
    runtime = null;
  }

  /** The runtime; only between the class's first and last test. */
  public KernelRuntime get() {
    if (runtime == null) throw new IllegalStateException("the runtime starts before the class's tests and stops after them");
    return runtime;
  }
}
