package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every model message that crosses partitions survives the trip between JVMs: with {@link
 * Simulation#serializeCrossPartition} each batch of events between partitions goes through
 * Pekko's Jackson CBOR serialization and back (as on a cluster), and the summary is the same as
 * without, partitioning included. Partitioned finely so that many message types cross.
 */
class CrossJvmMessagesTest {
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "scenarios/atlantic-ping | duration=2m; engine.partition-by=server; engine.partitions=3",
      "scenarios/three-regions-ping | duration=5s; engine.partition-by=region; engine.partitions=3",
      "scenarios/store-3-regions-small | duration=1s; engine.partition-by=region; engine.partitions=3",
      "scenarios/store-3-regions-small | duration=1s; engine.partition-by=region; engine.partitions=3; engine.sync=channels",
      "scenarios/store-faults-small | duration=8s; faults=[{at=3s, kind=server-crash, target=us-east/use1-a/rack-1/srv-1, "
          + "duration=2s}]; engine.partition-by=region; engine.partitions=2",
      "scenarios/quickstart | duration=30s; faults=[]; engine.partitions=3",
      "scenarios/rack-partition | duration=5s; faults=[{at=2s, kind=partition, duration=2s, sides=[[us-east/use1-a/rack-1, "
          + "us-east/use1-a/rack-2], [us-east/use1-a/rack-3, us-east/use1-a/rack-4]]}]; engine.partition-by=rack; "
          + "engine.partitions=2",
      "validation/queue | queue.duration=30s; engine.partition-by=server; engine.partitions=2",
  })
  void aRunWhoseMessagesCrossJvmsHasTheSameSummary(String scenario, String sets) throws Exception {
    Path file = Path.of("../configs/" + scenario + ".conf");
    List<String> overrides = new ArrayList<>();
    for (String set : sets.split(";")) overrides.add(set.trim());
    SortedMap<String, Object> plain = summary(file, overrides, false);
    SortedMap<String, Object> crossed = summary(file, overrides, true);
    assertTrue(((Number) ((SortedMap<?, ?>) plain.get("engine")).get("partitions")).intValue() > 1,
        "the run must have several partitions for messages to cross: " + plain.get("engine"));
    assertEquals(plain, crossed);
  }

  private static SortedMap<String, Object> summary(Path file, List<String> sets, boolean serialize) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(file, sets)).serializeCrossPartition(serialize);
    return RunSummary.of(sim, sim.run(RUNTIME.get()));
  }
}
