package geosim.cost;

/**
 * The running price of a fleet as a run goes, for the time series of cost: it adds up what the
 * fleet has used so far ({@link Usage}) and prices the total with {@link CostModel} at every step,
 * so the cumulative cost at the end of the run is the {@code cost.usd} of the summary, by
 * construction, in either mode. In cloud mode the cost grows with the instance-hours; in owned
 * mode it is the peak fleet so far times the time so far plus the energy, so it jumps when the
 * peak rises (the data center must have bought those servers from the start: its final value is
 * the owned cost of the whole run).
 *
 * <p>Costs are counted in whole micro-dollars for the kernel's integer counters; {@link
 * #advance} returns the increase, so the counter is the rounded cumulative cost and carries no
 * rounding error over the run. Example: 100 instances for one hour at $0.10 advance the counter
 * by 10,000,000 µUSD. Mutable: one meter per fleet actor.
 */
public final class CostMeter {
  private static final double NS_PER_HOUR = 3.6e12;
  private static final double MICRO = 1e6;

  private final CostSettings prices;
  private double instanceHours;
  private double peakInstances;
  private double kwh;
  private long microUsd;

  public CostMeter(CostSettings prices) {
    this.prices = java.util.Objects.requireNonNull(prices, "prices");
  }

  /**
   * Adds a step of {@code dtNs} with {@code held} instances that used {@code stepKwh} and
   * returns how many micro-dollars the cumulative cost grew by.
   *
   * @param held instances held during the step, >= 0
   * @param dtNs length of the step, ns, >= 0
   * @param stepKwh facility energy of the step, kWh, >= 0
   * @param endNs virtual time at the end of the step (the run's length so far), ns, >= 0
   * @return the growth of {@link #microUsd()}, >= 0
   */
  public long advance(long held, long dtNs, double stepKwh, long endNs) {
    if (held < 0 || dtNs < 0 || endNs < 0 || !(stepKwh >= 0)) {
      throw new IllegalArgumentException("held, dtNs, stepKwh and endNs must be >= 0, got " + held + ", " + dtNs
          + ", " + stepKwh + ", " + endNs);
    }
    instanceHours += held * (dtNs / NS_PER_HOUR);
    peakInstances = Math.max(peakInstances, held);
    kwh += stepKwh;
    double usd = CostModel.usd(prices, new Usage(instanceHours, peakInstances, endNs / NS_PER_HOUR, kwh, 0, 0));
    long total = Math.max(microUsd, Math.round(usd * MICRO));
    long growth = total - microUsd;
    microUsd = total;
    return growth;
  }

  /** The cost so far, whole micro-dollars. */
  public long microUsd() {
    return microUsd;
  }
}
