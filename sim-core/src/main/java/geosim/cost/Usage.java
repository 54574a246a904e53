package geosim.cost;

/**
 * What a run used, to be priced by {@link CostModel}.
 *
 * @param instanceHours instance-hours the servers were held (launching, serving or draining), >= 0
 * @param peakInstances the most servers held at once, >= 0 (what an owned data center must buy)
 * @param hours length of the run, hours, >= 0
 * @param kwh facility energy (server power times PUE), kWh, >= 0
 * @param egressGb data sent out of the cloud, GB, >= 0
 * @param storageGbMonths stored data times time, GB-months, >= 0
 */
public record Usage(
    double instanceHours, double peakInstances, double hours, double kwh, double egressGb, double storageGbMonths) {
  public Usage {
    CostSettings.requirePrice("instanceHours", instanceHours);
    CostSettings.requirePrice("peakInstances", peakInstances);
    CostSettings.requirePrice("hours", hours);
    CostSettings.requirePrice("kwh", kwh);
    CostSettings.requirePrice("egressGb", egressGb);
    CostSettings.requirePrice("storageGbMonths", storageGbMonths);
  }
}
