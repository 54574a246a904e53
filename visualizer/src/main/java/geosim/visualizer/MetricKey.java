package geosim.visualizer;

/**
 * How a kernel metric name maps to the (scope, metric) pair of a run folder's {@code
 * timeseries.csv}: {@code <operation>.<scope>.<measure>} gives scope {@code <scope>} and metric
 * {@code <operation>.<measure>} ({@code read.us-east.latency-us} is scope {@code us-east}, metric
 * {@code read.latency}); a name of one or two parts has scope {@code all}. The unit suffixes
 * {@code -us} (a histogram of microseconds) and {@code -ppm} (of utilizations) are dropped.
 *
 * <p>The same rule as the {@code scenarios} module's {@code MetricName}, which writes the file; the
 * visualizer keeps its own copy because it depends on the file format, not on that module.
 */
record MetricKey(String scope, String metric) {
  static final String ALL = "all";
  static final String MICROS = "-us";
  static final String PPM = "-ppm";

  static MetricKey of(String name) {
    String base = name;
    if (name.endsWith(MICROS)) base = name.substring(0, name.length() - MICROS.length());
    if (name.endsWith(PPM)) base = name.substring(0, name.length() - PPM.length());
    int first = base.indexOf('.');
    int last = base.lastIndexOf('.');
    if (first < 0 || first == last) return new MetricKey(ALL, base);
    return new MetricKey(base.substring(first + 1, last), base.substring(0, first) + base.substring(last));
  }

  /** The name a person reads: the kernel's name without its unit suffix, e.g. {@code read.us-east.latency}. */
  String label() {
    if (scope.equals(ALL)) return metric;
    int dot = metric.indexOf('.');
    return dot < 0 ? scope + "." + metric : metric.substring(0, dot) + "." + scope + metric.substring(dot);
  }
}
