package geosim.visualizer;

/**
 * Equirectangular projection of longitude/latitude onto a pane: x grows with longitude, y with
 * latitude going south. The map shows latitudes {@value #LAT_SOUTH} to {@value #LAT_NORTH}
 * (Cape Horn to Svalbard: Antarctica and the Arctic ocean hold no data centers) and keeps the 1:1 aspect of degrees,
 * centred in the pane.
 *
 * <p>Example: in a 720 x 272 pane (2 px per degree), (lon 0, lat 0) lands at (360, 156) and
 * (lon -180, lat 78) at (0, 0).
 */
record MapProjection(double width, double height) {
  static final double LAT_NORTH = 78;
  static final double LAT_SOUTH = -58;
  private static final double LON_SPAN = 360;
  private static final double LAT_SPAN = LAT_NORTH - LAT_SOUTH;
  /** Height over width of the whole map. */
  static final double ASPECT = LAT_SPAN / LON_SPAN;

  MapProjection {
    if (!(width > 0 && height > 0)) {
      throw new IllegalArgumentException("width and height must be > 0, got " + width + " x " + height);
    }
  }

  /** Pixels per degree: the largest scale at which the map fits. */
  double scale() {
    return Math.min(width / LON_SPAN, height / LAT_SPAN);
  }

  double x(double longitude) {
    return (width - LON_SPAN * scale()) / 2 + (longitude + 180) * scale();
  }

  double y(double latitude) {
    return (height - LAT_SPAN * scale()) / 2 + (LAT_NORTH - latitude) * scale();
  }
}
