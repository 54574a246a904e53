package geosim.scenario;

import geosim.kernel.RunResult;
import geosim.kernel.VirtualTime;
import geosim.node.Cpu;
import geosim.queue.QueueModel;
import geosim.queue.QueueSettings;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The parts of {@code summary.json} that the queue model writes; see {@link RunSummary}. */
final class QueueSummary {
  private QueueSummary() {}

  /**
   * {@code operations.request}: completed requests and their response times. The mean is exact
   * (sum of nanoseconds / count, rounded to the nanosecond); percentiles and max come from the
   * histogram (3 significant digits).
   */
  static SortedMap<String, Object> request(RunResult result) {
    long ok = result.counter(QueueModel.COMPLETED);
    SortedMap<String, Object> op = new TreeMap<>();
    op.put("count", ok);
    op.put("ok", ok);
    op.put("failed", 0L);
    op.put("inFlight", result.counter(QueueModel.ARRIVALS) - ok);
    Histogram us = result.histograms().get(QueueModel.LATENCY_US);
    SortedMap<String, Object> latency = RunSummary.latencyMs(us == null ? new Histogram(3) : us);
    latency.put("mean", ok == 0 ? 0.0 : exactMeanMs(result.counter(QueueModel.LATENCY_NS_SUM), ok));
    op.put("latencyMs", latency);
    return op;
  }

  /**
   * {@code utilization}: busy core-time / (cores x run time) of the server's CPU. With one server
   * the mean and the max over servers are the same number.
   */
  static SortedMap<String, Object> utilization(QueueSettings queue, RunResult result) {
    double cpu = result.endTimeNs() == 0 ? 0
        : Cpu.utilization(result.counter(QueueModel.CPU_BUSY_CORE_NS), queue.servers(), result.endTimeNs());
    SortedMap<String, Object> utilization = new TreeMap<>();
    utilization.put("serverCpuMean", cpu);
    utilization.put("serverCpuMax", cpu);
    return utilization;
  }

  /**
   * {@code queue}: arrivals, the measured arrival rate and the time-average number of requests in
   * the system (L of Little's law L = lambda W).
   */
  static SortedMap<String, Object> queue(RunResult result) {
    long arrivals = result.counter(QueueModel.ARRIVALS);
    double seconds = VirtualTime.toSeconds(result.endTimeNs());
    SortedMap<String, Object> queue = new TreeMap<>();
    queue.put("arrivals", arrivals);
    queue.put("arrivalRatePerS", seconds == 0 ? 0.0 : arrivals / seconds);
    queue.put("inSystemMean", result.endTimeNs() == 0 ? 0.0
        : (double) result.counter(QueueModel.IN_SYSTEM_NS) / result.endTimeNs());
    return queue;
  }

  private static double exactMeanMs(long sumNs, long count) {
    return Math.round((double) sumNs / count) / 1e6;
  }
}
