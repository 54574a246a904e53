package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.store.detect.DetectorModel;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code failureDetection} in summary.json for {@code model = failure-detector}. */
final class DetectorSummary {
  private DetectorSummary() {}

  /**
   * The observers (every server but the victim), how many convicted the victim before the end,
   * their mean detection time, their detectors' mean interval between news of the victim at
   * conviction, the phi-accrual formula under the exponential model (phi x mean interval x ln 10)
   * with that interval, the observers' mean silence at conviction (time since their last news of
   * the victim: the formula's own quantity, plus the wait for the next status check), and
   * convictions of live nodes (false suspicions). Detection = silence + the age of the last news
   * at the crash, so it exceeds the formula by about the time news takes to spread by gossip.
   */
  static SortedMap<String, Object> failureDetection(ScenarioSettings scenario, RunResult result) {
    long detected = result.counter(DetectorModel.DETECTIONS);
    SortedMap<String, Object> fd = new TreeMap<>();
    fd.put("observers", scenario.topology().servers().size() - 1);
    fd.put("detected", detected);
    fd.put("falseConvictions", result.counter(DetectorModel.FALSE_CONVICTIONS));
    fd.put("phiThreshold", scenario.fd().phiThreshold());
    if (detected > 0) {
      double detection = result.counter(DetectorModel.DETECTION_NS_SUM) / 1e9 / detected;
      double interval = result.counter(DetectorModel.MEAN_INTERVAL_NS_SUM) / 1e9 / detected;
      fd.put("meanDetectionSeconds", detection);
      fd.put("meanIntervalSeconds", interval);
      fd.put("formulaSeconds", scenario.fd().phiThreshold() * interval * Math.log(10));
      fd.put("meanSilenceSeconds", result.counter(DetectorModel.SILENCE_NS_SUM) / 1e9 / detected);
    }
    return fd;
  }
}
