package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  private static final String CSV = String.join("\n", RunFolder.HEADER,
      "1,all,network.frames.perSecond,1200",
      "1,us-east,read.latency.p50Ms,0.476",
      "1,wan,link.utilization.mean,0.25",
      "2,all,network.frames.perSecond,1300",
      "2,us-east,read.latency.p50Ms,1.635",
      "");

  @Test
  void rowsOfOneTimeMakeOneFrame() throws IOException {
    List<Frame> frames = RunFolder.frames("t.csv", new StringReader(CSV));
    assertEquals(2, frames.size());
    assertEquals(1.0, frames.get(0).timeSeconds());
    assertEquals(0.476, frames.get(0).value("us-east", "read.latency.p50Ms"));
    assertEquals(0.25, frames.get(0).value("wan", "link.utilization.mean"));
    assertEquals(1300, frames.get(1).value("all", "network.frames.perSecond"));
    assertTrue(Double.isNaN(frames.get(1).value("wan", "link.utilization.mean")), "absent is NaN");
    assertEquals(-1, frames.get(1).events(), "a replay has no event count");
  }

  @Test
  void malformedInputNamesTheLine() {
    IOException header = assertThrows(IOException.class, () -> RunFolder.frames("t.csv", new StringReader("time,x\n")));
    assertTrue(header.getMessage().startsWith("t.csv:1:"), header.getMessage());
    IOException row = assertThrows(IOException.class,
        () -> RunFolder.frames("t.csv", new StringReader(RunFolder.HEADER + "\n1,all,x,1\n2,all,x\n")));
    assertTrue(row.getMessage().startsWith("t.csv:3:"), row.getMessage());
    IOException back = assertThrows(IOException.class,
        () -> RunFolder.frames("t.csv", new StringReader(RunFolder.HEADER + "\n2,all,x,1\n1,all,x,1\n")));
    assertTrue(back.getMessage().contains("goes back"), back.getMessage());
  }

  @Test
  void aFolderWithoutAFinishedTimeSeriesIsRefused(@TempDir Path run) throws IOException {
    Files.writeString(run.resolve(RunFolder.CSV + ".partial"), RunFolder.HEADER + "\n");
    IOException e = assertThrows(IOException.class, () -> RunFolder.read(run));
    assertTrue(e.getMessage().contains("no timeseries.csv"), e.getMessage());
  }

  @Test
  void aFolderIsReadWithItsScenario(@TempDir Path run) throws IOException {
    Files.copy(Path.of("../configs/scenarios/atlantic-ping.conf"), run.resolve(RunFolder.RESOLVED));
    Files.writeString(run.resolve(RunFolder.CSV), CSV);
    RunFolder folder = RunFolder.read(run);
    assertEquals("atlantic-ping", folder.scenario().name());
    assertEquals(2, folder.frames().size());
  }

  @Test
  void theLaunchersHomeFolderInResolvedConfDoesNotStopAReplay(@TempDir Path run) throws IOException {
    String ping = Files.readString(Path.of("../configs/scenarios/atlantic-ping.conf"));
    Files.writeString(run.resolve(RunFolder.RESOLVED), ping + "\nhome=\"/somewhere/geosim\"\n");
    Files.writeString(run.resolve(RunFolder.CSV), CSV);
    assertEquals("atlantic-ping", RunFolder.read(run).scenario().name());
  }
}
