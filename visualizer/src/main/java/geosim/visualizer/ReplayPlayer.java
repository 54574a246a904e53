package geosim.visualizer;

import java.util.function.DoubleSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Slider;

/**
 * Plays a replay: moves the timeline slider forward by the chosen speed times the wall time
 * between two frames of the screen, to its end ("as fast as possible" jumps there). FX thread only.
 */
final class ReplayPlayer extends AnimationTimer {
  private final Slider slider;
  private final DoubleSupplier speed;
  private long lastNs = -1;
  private boolean running;

  /** @param speed virtual seconds per wall second, read at every frame */
  ReplayPlayer(Slider slider, DoubleSupplier speed) {
    this.slider = slider;
    this.speed = speed;
  }

  @Override
  public void start() {
    lastNs = -1;
    running = true;
    super.start();
  }

  @Override
  public void stop() {
    running = false;
    super.stop();
  }

  boolean isRunning() {
    return running;
  }

  @Override
  public void handle(long nowNs) {
    if (lastNs >= 0) {
      double v = speed.getAsDouble();
      double next = Double.isInfinite(v) ? slider.getMax() : slider.getValue() + v * (nowNs - lastNs) / 1e9;
      slider.setValue(Math.min(next, slider.getMax()));
      if (next >= slider.getMax()) stop();
    }
    lastNs = nowNs;
  }
}
