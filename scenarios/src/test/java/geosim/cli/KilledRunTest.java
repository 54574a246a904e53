package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL (no shutdown hooks, no cleanup) leaves a folder marked incomplete
 * with the snapshots it had written, and {@code geosim report} refuses it.
 */
class KilledRunTest {
  @TempDir Path tmp;

  @Test
  void aKilledRunLeavesAMarkedFolderWithItsPartialSeriesAndReportRefusesIt() throws Exception {
    Path out = tmp.resolve("killed");
    WatchService watch = FileSystems.getDefault().newWatchService();
    tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    Process child = startChild("run", "../configs/scenarios/atlantic-ping.conf", "--set", "duration=3650d",
        "--set", "metrics.interval=1m", "--out", out.toString(), "--quiet");
    Path partial = out.resolve("timeseries.csv.partial");
    try {
      awaitRows(watch, out, partial, 3, child);
    } finally {
      watch.close();
      child.destroyForcibly();
      child.waitFor(60, TimeUnit.SECONDS);
    }
    assertTrue(Files.isRegularFile(out.resolve(RunFolder.INCOMPLETE)), "marker");
    String marker = Files.readString(out.resolve(RunFolder.INCOMPLETE));
    assertTrue(marker.startsWith("This run folder is incomplete: geosim run of scenario atlantic-ping, seed 1 did not finish"),
        marker);
    assertTrue(marker.contains("Rerun: ./geosim run ../configs/scenarios/atlantic-ping.conf --seed 1 --set duration=3650d --set metrics.interval=1m\n"), marker);
    assertTrue(Files.isRegularFile(out.resolve("resolved.conf")), "resolved.conf is written first");
    assertFalse(Files.exists(out.resolve("summary.json")), "no summary from a killed run");
    List<String> rows = Files.readAllLines(partial);
    assertEquals("timeSeconds,scope,metric,value", rows.get(0));
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("60,")), "the first snapshot's rows were flushed: " + rows);

    CliOutcome report = CliOutcome.geosim("report", out.toString());
    assertEquals(2, report.code());
    assertEquals("geosim: " + out + ": nothing to report. This run folder is incomplete: geosim run of scenario "
        + "atlantic-ping, seed 1 did not finish (it is running, or it was killed). " + out.resolve(RunFolder.INCOMPLETE)
        + " says how to rerun it.\n", report.err());
  }

  private static Process startChild(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
  }

  /** Blocks (no sleeping) until {@code file} in {@code dir} has {@code rows} lines or the child exits. */
  private static void awaitRows(WatchService watch, Path dir, Path file, int rows, Process child) throws Exception {
    boolean watchingDir = false;
    while (!Files.exists(file) || Files.readAllLines(file).size() < rows) {
      if (!watchingDir && Files.isDirectory(dir)) {
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        watchingDir = true;
        continue; // the file may have grown before the folder was watched
      }
      assertTrue(child.isAlive(), "the run ended before it could be killed");
      WatchKey key = watch.poll(60, TimeUnit.SECONDS);
      assertTrue(key != null, "no rows within 60 s");
      key.pollEvents();
      key.reset();
    }
  }
}
