package geosim.cli;

/** A user mistake the command line reports in one line and exits 2 for. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
