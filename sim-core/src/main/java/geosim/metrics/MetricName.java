package geosim.metrics;

/**
 * How a model's metric names map to (scope, metric) in the time series (the run folder's
 * {@code timeseries.csv}, the live view's charts). A name with three or
 * more dot-separated parts is {@code <operation>.<scope>.<measure>}, e.g. {@code
 * ping.us-east>eu-west.rtt-us}: scope {@code us-east>eu-west}, metric {@code ping.rtt}. Shorter
 * names have scope {@code all}. A {@code -us} suffix marks a histogram of microseconds, a {@code
 * -ppm} suffix one of utilizations (shares of capacity) in parts per million; both are dropped.
 */
public record MetricName(String scope, String metric) {
  public static final String ALL = "all";
  public static final String MICROS = "-us";
  public static final String PPM = "-ppm";

  public static MetricName of(String name) {
    String base = name;
    if (name.endsWith(MICROS)) base = name.substring(0, name.length() - MICROS.length());
    if (name.endsWith(PPM)) base = name.substring(0, name.length() - PPM.length());
    int first = base.indexOf('.');
    int last = base.lastIndexOf('.');
    if (first < 0 || first == last) return new MetricName(ALL, base);
    return new MetricName(base.substring(first + 1, last), base.substring(0, first) + base.substring(last));
  }

  /** The name a person reads: the kernel's name without its unit suffix, e.g. {@code read.us-east.latency}. */
  public String label() {
    if (scope.equals(ALL)) return metric;
    int dot = metric.indexOf('.');
    return dot < 0 ? scope + "." + metric : metric.substring(0, dot) + "." + scope + metric.substring(dot);
  }
}
