package geosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import geosim.kernel.RunResult;
import geosim.kernel.SharedKernelRuntime;
import geosim.store.audit.KeyCells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run's end state taken partition by partition and merged is the end state taken over all
 * partitions at once, the replicas' cells of the audited keys included, and it survives Jackson
 * CBOR (as between the JVMs of a cluster): what lets a distributed run's driver summarise its run
 * exactly as one JVM does.
 */
class EndStateTest {
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      // A crash (hints pending, a replica behind), three partitions.
      "scenarios/store-faults-small | duration=15s; faults=[{at=5s, kind=server-crash, "
          + "target=us-east/use1-a/rack-1/srv-1, duration=20s}]; engine.partitions=3",
      // A bootstrap under way: the ring has several versions, so cells over any ring are kept too.
      "scenarios/store-membership | duration=22s; engine.partitions=3",
      "scenarios/three-regions-ping | duration=3s; engine.partition-by=region; engine.partitions=3",
      "validation/failure-detector | duration=1m; engine.partition-by=rack; engine.partitions=2",
  })
  void theMergedPartsOfAnEndStateAreTheWholeAndSurviveCbor(String scenario, String sets) throws Exception {
    List<String> overrides = new ArrayList<>();
    for (String set : sets.split(";")) overrides.add(set.trim());
    Simulation sim = Simulation.create(ScenarioLoader.load(Path.of("../configs/" + scenario + ".conf"), overrides));
    RunResult result = sim.run(RUNTIME.get());
    List<Integer> all = new ArrayList<>();
    List<EndState> parts = new ArrayList<>();
    for (int p = 0; p < sim.partitionCount(); p++) {
      all.add(p);
      parts.add(sim.endState(result.endTimeNs(), List.of(p)));
    }
    assertTrue(parts.size() > 1, "the run must have several partitions: " + parts);
    EndState whole = sim.endState(result.endTimeNs(), all);
    EndState merged = EndState.merge(parts);
    assertEquals(whole, merged);
    assertNotEquals(whole, parts.get(0), "a part alone is not the whole");
    if (whole.store() != null) {
      long[] keys = sim.auditedKeys(merged);
      assertTrue(keys.length > 100, "keys to audit: " + keys.length);
      int atEnd = sim.placementIndexAtEnd(merged);
      List<KeyCells> cells = new ArrayList<>();
      for (int p : all) cells.add(sim.keyCells(keys, atEnd, List.of(p)));
      KeyCells wholeCells = sim.keyCells(keys, atEnd, all);
      assertEquals(wholeCells, KeyCells.merge(cells));
      whole = whole.withCells(wholeCells);
      assertEquals(whole, merged.withCells(KeyCells.merge(cells)));
      assertEquals(sim.endState(result), whole, "the one-JVM end state");
      assertTrue(Arrays.stream(whole.store().heldNs()).allMatch(h -> h == result.endTimeNs()), "held all along");
    }
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    assertEquals(whole, cbor.readValue(cbor.writeValueAsBytes(whole), EndState.class));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0", "1"})
  void overlappingPartsAreRefused(int overlap) throws Exception {
    Simulation sim = Simulation.create(ScenarioLoader.load(Path.of("../configs/scenarios/three-regions-ping.conf"),
        List.of("duration=1s", "engine.partition-by=region", "engine.partitions=2")));
    RunResult result = sim.run(RUNTIME.get());
    EndState a = sim.endState(result.endTimeNs(), List.of(overlap));
    EndState b = sim.endState(result.endTimeNs(), List.of(overlap));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EndState.merge(List.of(a, b)));
    assertTrue(e.getMessage().contains("partition " + overlap + " is in two parts"), e.getMessage());
  }
}
