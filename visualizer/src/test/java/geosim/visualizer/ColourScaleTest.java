package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ColourScaleTest {
  @Test
  void idleIsGreenHalfIsYellowFullIsRed() {
    Color idle = ColourScale.of(0);
    Color half = ColourScale.of(0.5);
    Color full = ColourScale.of(1);
    assertTrue(idle.getGreen() > idle.getRed() && idle.getGreen() > idle.getBlue(), "green: " + idle);
    assertTrue(half.getRed() > 0.8 && half.getGreen() > 0.7 && half.getBlue() < 0.3, "yellow: " + half);
    assertTrue(full.getRed() > full.getGreen() * 3, "red: " + full);
  }

  @Test
  void redDeepensMonotonicallyWithUtilization() {
    double previous = -1;
    for (int i = 0; i <= 20; i++) {
      Color c = ColourScale.of(i / 20.0);
      double redness = c.getRed() - c.getGreen();
      assertTrue(redness >= previous - 1e-9, "at " + i / 20.0);
      previous = redness;
    }
  }

  @Test
  void outOfRangeIsClampedAndUnknownIsGrey() {
    assertEquals(ColourScale.of(0), ColourScale.of(-0.2));
    assertEquals(ColourScale.of(1), ColourScale.of(3));
    assertEquals(ColourScale.UNKNOWN, ColourScale.of(Double.NaN));
  }
}
