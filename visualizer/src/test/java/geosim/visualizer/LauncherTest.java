package geosim.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.scenario.ScenarioConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, checked before any window opens. */
class LauncherTest {
  @Test
  void helpPrintsUsageAndOpensNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertNull(Launcher.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: geosim gui"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFileRunsLiveAndAFolderReplays(@TempDir Path dir) throws Exception {
    LaunchRequest live = Launcher.parse(new String[] {"x.conf", "--speed", "max", "--seed", "7", "--paused"}, System.out);
    assertEquals(Path.of("x.conf"), live.scenario());
    assertEquals(Double.POSITIVE_INFINITY, live.speed());
    assertEquals(List.of("seed=7"), live.overrides());
    assertTrue(live.paused());
    LaunchRequest replay = Launcher.parse(new String[] {dir.toString()}, System.out);
    assertEquals(dir, replay.runFolder());
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(Launcher.BadArguments.class, () -> Launcher.parse(new String[] {"--speed", "0"}, System.out));
    assertThrows(Launcher.BadArguments.class, () -> Launcher.parse(new String[] {"--seed", "x"}, System.out));
    assertThrows(Launcher.BadArguments.class, () -> Launcher.parse(new String[] {"--bogus"}, System.out));
    assertThrows(Launcher.BadArguments.class, () -> Launcher.parse(new String[] {"a.conf", "b.conf"}, System.out));
  }

  @Test
  void aBadScenarioFailsBeforeTheWindowWithTheLoadersMessage(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "seed = \"x\"\n");
    ScenarioConfigException e = assertThrows(ScenarioConfigException.class,
        () -> Launcher.check(Launcher.parse(new String[] {bad.toString()}, System.out)));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith(bad + ":1: seed"), e.problems().get(0));
    assertThrows(Launcher.BadArguments.class, () -> Launcher.check(Launcher.parse(new String[] {dir.toString()}, System.out)),
        "an empty folder is no run");
  }

  @Test
  void aSpeedThatIsNotOfferedKeepsItsValue() {
    assertEquals("2x", ControlBar.labelOf(2));
    assertEquals(2.0, ControlBar.parse("2x"));
    assertEquals(2.5, ControlBar.parse(ControlBar.labelOf(2.5)));
    assertEquals(Double.POSITIVE_INFINITY, ControlBar.parse(ControlBar.labelOf(Double.POSITIVE_INFINITY)));
    assertEquals(60.0, ControlBar.parse("60x"));
  }

  @Test
  void withoutADisplayLinuxIsToldToUseXvfbButMacWindowsAndMonocleAreNot() {
    assertTrue(Launcher.lacksDisplay("Linux", null, null, null));
    assertTrue(Launcher.lacksDisplay("Linux", " ", "", null));
    assertFalse(Launcher.lacksDisplay("Linux", ":99", null, null));
    assertFalse(Launcher.lacksDisplay("Linux", null, "wayland-0", null));
    assertFalse(Launcher.lacksDisplay("Linux", null, null, "Monocle"));
    assertFalse(Launcher.lacksDisplay("Mac OS X", null, null, null));
    assertFalse(Launcher.lacksDisplay("Windows 11", null, null, null));
  }
}
