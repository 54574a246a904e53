package geosim.cost;

/**
 * Prices of an owned data center. Servers are bought for the run's peak and amortized linearly;
 * the power and cooling infrastructure and the network are charged as a multiple of the servers'
 * amortized cost, after the cost split of Greenberg et al. [1] (servers ~45 %, power and cooling
 * infrastructure ~25 %, power draw ~15 %, network ~15 % of a data center's amortized monthly cost),
 * so (25 + 15) / 45 = 0.89 by default. Power draw is priced from the energy the run used.
 *
 * <p>[1] A. Greenberg, J. Hamilton, D. A. Maltz, P. Patel, "The Cost of a Cloud: Research Problems
 * in Data Center Networks", ACM SIGCOMM CCR 39(1), 2009, Table 1 (3-year server amortization).
 *
 * @param serverUsd price of one server, USD, >= 0
 * @param amortizationYears years over which a server is written off, > 0
 * @param kwhUsd price of one kWh of facility energy, USD, >= 0
 * @param overheadFactor infrastructure and network cost per dollar of amortized server cost, >= 0
 */
public record OwnedPrices(double serverUsd, double amortizationYears, double kwhUsd, double overheadFactor) {
  private static final double HOURS_PER_YEAR = 365.0 * 24;

  public OwnedPrices {
    CostSettings.requirePrice("serverUsd", serverUsd);
    CostSettings.requirePrice("kwhUsd", kwhUsd);
    CostSettings.requirePrice("overheadFactor", overheadFactor);
    if (!(amortizationYears > 0 && Double.isFinite(amortizationYears))) {
      throw new IllegalArgumentException("amortizationYears must be > 0, got " + amortizationYears);
    }
  }

  /** Amortized server cost per server-hour including the infrastructure and network overhead, USD. */
  public double serverHourUsd() {
    return hourUsd(serverUsd);
  }

  /**
   * Amortized cost per hour of equipment bought for {@code usd}, with the overhead, USD: a part
   * (a disk) written off with its server. Example, defaults: a $470 disk costs $0.0338 an hour.
   */
  public double hourUsd(double usd) {
    return usd / (amortizationYears * HOURS_PER_YEAR) * (1 + overheadFactor);
  }
}
