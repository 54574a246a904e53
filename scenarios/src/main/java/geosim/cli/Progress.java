package geosim.cli;

import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a run shows its progress: a progress bar on a terminal (virtual seconds done of total,
 * events per wall second, ETA), plain periodic lines otherwise ({@link ProgressLines}), nothing
 * when quiet. It only reads snapshots, so it never changes a run.
 */
final class Progress implements SnapshotObserver, AutoCloseable {
  private final ProgressBar bar;
  private final SnapshotObserver lines;
  private final long startWall = System.nanoTime();

  private Progress(ProgressBar bar, SnapshotObserver lines) {
    this.bar = bar;
    this.lines = lines;
  }

  static Progress create(boolean quiet, String name, long totalNs, PrintStream err) {
    if (quiet) return new Progress(null, null);
    if (System.console() == null) return new Progress(null, new ProgressLines(err, totalNs));
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(Math.max(1, totalNs / 1_000_000_000L))
        .setUnit(" s", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
        .showSpeed()
        .build();
    return new Progress(bar, null);
  }

  @Override
  public void onSnapshot(Snapshot snapshot) {
    if (lines != null) lines.onSnapshot(snapshot);
    if (bar != null) {
      bar.stepTo(snapshot.timeNs() / 1_000_000_000L);
      double wall = (System.nanoTime() - startWall) / 1e9;
      bar.setExtraMessage(String.format(" %,.0f events/s", snapshot.events() / Math.max(wall, 1e-9)));
    }
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
