package geosim.lab;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One thing a student should find in a lab: a number measured from the lab's sweep, the range
 * the lab's phenomenon puts it in (checked whatever the student writes: it is what makes the lab
 * worth doing), and how close a student's answer must come to the measurement.
 *
 * @param key the answer's key in the student's {@code answers.conf}, e.g. {@code knee-utilization}
 * @param question what the number is, one line
 * @param unit the unit shown beside numbers, or "" for a plain number
 * @param measure the number, from the sweep; NaN when the sweep does not show it
 * @param expectedLow lowest value the phenomenon allows
 * @param expectedHigh highest value the phenomenon allows
 * @param tolerance how far an answer may be from the measurement: absolute, or relative (a
 *     fraction of the measurement) when {@code relative}
 * @param relative whether {@code tolerance} is a fraction of the measurement
 * @param hint one line for a student whose answer is off
 */
public record Finding(String key, String question, String unit, ToDoubleFunction<LabResults> measure,
    double expectedLow, double expectedHigh, double tolerance, boolean relative, String hint) {
  public Finding {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(measure, "measure");
    if (!(expectedLow <= expectedHigh)) throw new IllegalArgumentException("expectedLow must be <= expectedHigh");
    if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0");
  }

  /** How far from {@code measured} an answer may be. */
  public double allowance(double measured) {
    return relative ? tolerance * Math.abs(measured) : tolerance;
  }

  /** Whether {@code answer} is close enough to {@code measured}. */
  public boolean accepts(double answer, double measured) {
    return Math.abs(answer - measured) <= allowance(measured) + 1e-12;
  }

  /** Whether {@code measured} shows the phenomenon. */
  public boolean expected(double measured) {
    return measured >= expectedLow && measured <= expectedHigh;
  }
}
