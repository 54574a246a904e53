package geosim.visualizer;

import javafx.scene.paint.Color;

/**
 * Utilization to colour on a traffic-light scale: green at 0, yellow at 50 %, red at 100 %, blended
 * in between, so a student reads "busy" without the legend (the map shows it anyway). Unknown
 * (NaN, no data for the element) is grey.
 */
final class ColourScale {
  /** Utilization at and above which a colour is fully red: a saturated element. */
  static final double RED_AT = 1.0;
  static final Color UNKNOWN = Color.gray(0.6);
  private static final Color GREEN = Color.rgb(46, 160, 67);
  private static final Color YELLOW = Color.rgb(240, 200, 40);
  private static final Color RED = Color.rgb(215, 48, 39);

  private ColourScale() {}

  /** @param utilization a fraction; below 0 counts as 0, above {@link #RED_AT} as red, NaN as unknown */
  static Color of(double utilization) {
    if (Double.isNaN(utilization)) return UNKNOWN;
    double u = Math.max(0, Math.min(RED_AT, utilization)) / RED_AT;
    return u <= 0.5 ? GREEN.interpolate(YELLOW, u / 0.5) : YELLOW.interpolate(RED, (u - 0.5) / 0.5);
  }
}
