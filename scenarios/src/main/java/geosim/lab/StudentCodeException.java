package geosim.lab;

/** A student's classes cannot be used: no compiler, a compile error, or no class for the lab's extension point. */
public final class StudentCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StudentCodeException(String message) {
    super(message);
  }
}
