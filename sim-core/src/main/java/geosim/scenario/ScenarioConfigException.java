package geosim.scenario;

import java.util.List;

/**
 * A scenario file or a {@code --set} override is wrong. Carries every problem found, one line
 * each, in the form {@code <file>:<line>: <key path>: <what is wrong>} (or {@code --set <key
 * path>: <what is wrong>} for an override), so a user can fix them all in one pass.
 */
public final class ScenarioConfigException extends Exception {
  private final List<String> problems;

  /**
   * @param problems at least one problem, each one line
   */
  public ScenarioConfigException(List<String> problems) {
    super(String.join("\n", requireSome(problems)));
    this.problems = List.copyOf(problems);
  }

  /** The problems in the order they were found, each one line. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> requireSome(List<String> problems) {
    if (problems.isEmpty()) throw new IllegalArgumentException("problems must not be empty");
    return problems;
  }
}
