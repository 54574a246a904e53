package geosim.visualizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Places region labels on the map without covering another region's circle or an earlier label:
 * each label tries right of its point, then left, below and above, and takes the first free
 * place (or the right if none is free). Pure geometry in pixels.
 */
final class LabelPlacer {
  private final double radius;
  private final double width;
  private final List<double[]> circles = new ArrayList<>();
  private final List<double[]> taken = new ArrayList<>();

  /**
   * @param radius circle radius, px
   * @param width the pane's width, px: labels stay inside it
   * @param points circle centres {x, y}
   */
  LabelPlacer(double radius, double width, List<double[]> points) {
    this.radius = radius;
    this.width = width;
    for (double[] p : points) circles.add(new double[] {p[0] - radius, p[1] - radius, 2 * radius, 2 * radius});
  }

  /** Top-left corner {x, y} for a label of {@code w} x {@code h} px beside the point {@code (x, y)}. */
  double[] place(double x, double y, double w, double h) {
    double gap = radius + 4;
    double[][] tries = {
        {x + gap, y - h / 2}, {x - gap - w, y - h / 2}, {x - w / 2, y + gap}, {x - w / 2, y - gap - h}};
    for (double[] t : tries) {
      double[] box = {t[0], t[1], w, h};
      if (t[0] >= 0 && t[0] + w <= width && isFree(box, x, y)) {
        taken.add(box);
        return t;
      }
    }
    taken.add(new double[] {tries[0][0], tries[0][1], w, h});
    return tries[0];
  }

  private boolean isFree(double[] box, double ownX, double ownY) {
    for (double[] c : circles) {
      boolean own = Math.abs(c[0] + radius - ownX) < 1e-9 && Math.abs(c[1] + radius - ownY) < 1e-9;
      if (!own && overlaps(box, c)) return false;
    }
    for (double[] t : taken) {
      if (overlaps(box, t)) return false;
    }
    return true;
  }

  static boolean overlaps(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }
}
