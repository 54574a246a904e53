package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import geosim.kernel.VirtualTime;
import geosim.phold.PholdModel;
import geosim.phold.PholdSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geosim bench memory}: heap taken by idle simulated actors (PHOLD entities with no
 * events), measured as used heap after full GCs, before and after building the kernel.
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = "Heap bytes per idle simulated actor; prints one JSON object.")
final class MemoryBench implements Callable<Integer> {
  @Option(names = "--entities", defaultValue = "1000000", description = "Idle actors (default: ${DEFAULT-VALUE}).")
  int entities;

  @Option(names = "--partitions", defaultValue = "1", description = "Kernel partitions (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    PholdSettings idle = new PholdSettings(entities, 0, VirtualTime.millis(100), VirtualTime.seconds(1),
        VirtualTime.seconds(1), 1);
    PholdModel model = PholdModel.build(idle, partitions);
    long after = usedAfterGc(memory);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("entities", entities);
    json.put("partitions", model.kernel().partitionCount());
    json.put("heapBytes", after - before);
    json.put("bytesPerEntity", Math.round((after - before) / (double) entities * 10) / 10.0);
    System.out.println(new ObjectMapper().writeValueAsString(json));
    // Keep the model reachable until after the measurement.
    return model.kernel().partitionCount() > 0 ? Main.EXIT_OK : Main.EXIT_FAILED;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
