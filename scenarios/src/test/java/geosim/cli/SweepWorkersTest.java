package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepWorkersTest {
  @Test
  void workersKeepTheCollectorHeapAndPagesButNotAgentsOrRecordings() {
    List<String> parent = List.of("-XX:SharedArchiveFile=/r/geosim.jsa", "-XX:+UseParallelGC",
        "-XX:+UseTransparentHugePages", "-Xmx4g", "-Dgeosim.home=/r",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/p/agent.jar",
        "-XX:StartFlightRecording=filename=x.jfr", "-XX:ArchiveClassesAtExit=/r/a.jsa", "-Xdebug");

    assertEquals(List.of("-XX:SharedArchiveFile=/r/geosim.jsa", "-XX:+UseParallelGC",
        "-XX:+UseTransparentHugePages", "-Xmx4g", "-Dgeosim.home=/r"), SweepWorkers.inheritedOptions(parent));
  }
}
