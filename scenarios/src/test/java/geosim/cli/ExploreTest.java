package geosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.CounterBreakdown;
import geosim.kernel.Snapshot;
import geosim.kernel.SnapshotObserver;
import geosim.scenario.Invariants;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * explore runs many seeds with the invariants, tabulates them, and a failing seed replays exactly;
 * with a fault space, each seed draws its own plan, the table lists it, and the reproduce command
 * replays it.
 */
class ExploreTest {
  private static ScenarioOptions atlanticPing() {
    ScenarioOptions options = new ScenarioOptions();
    options.file = Path.of("../configs/scenarios/atlantic-ping.conf");
    options.overrides = List.of("duration=1m");
    return options;
  }

  /** configs/scenarios/explore-store-faults.conf, shortened: 1 to 3 faults drawn per seed within 20 s. */
  private static ScenarioOptions faultSpace() {
    ScenarioOptions options = new ScenarioOptions();
    options.file = Path.of("../configs/scenarios/explore-store-faults.conf");
    options.overrides = List.of("duration=20s", "store.workload.rate-per-server=2");
    return options;
  }

  private static String printed(List<ExploreCommand.Outcome> outcomes, int[] code) {
    return printed(outcomes, code, atlanticPing());
  }

  private static String printed(List<ExploreCommand.Outcome> outcomes, int[] code, ScenarioOptions options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    code[0] = ExploreCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), outcomes, options);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void soundSeedsAllPassInParallelAndInSeedOrder() throws Exception {
    List<ExploreCommand.Outcome> outcomes = ExploreCommand.explore(atlanticPing(), 5, 4, 2, seed -> new Invariants());
    assertEquals(List.of(5L, 6L, 7L, 8L), outcomes.stream().map(ExploreCommand.Outcome::seed).toList());
    assertTrue(outcomes.stream().allMatch(ExploreCommand.Outcome::ok));
    assertTrue(outcomes.get(0).result().events() != outcomes.get(1).result().events(), "seeds differ");
    int[] code = new int[1];
    String table = printed(outcomes, code);
    assertEquals(Main.EXIT_OK, code[0]);
    assertTrue(table.contains("explored 4 seed(s): 4 ok, 0 failed") && !table.contains("reproduce"), table);
  }

  /** A check that breaks for seed 2 at its third snapshot, as a violated invariant would. */
  private static final LongFunction<SnapshotObserver> BREAKS_ON_SEED_2 = seed -> new SnapshotObserver() {
    private int snapshots;

    @Override
    public void onSnapshot(geosim.kernel.Snapshot s) {
      if (seed == 2 && ++snapshots == 3) {
        throw new IllegalStateException("test invariant broken after " + s.events() + " events");
      }
    }
  };

  @Test
  void aFailingSeedIsReportedWithItsReproduceCommandAndReplaysExactly() throws Exception {
    List<ExploreCommand.Outcome> outcomes = ExploreCommand.explore(atlanticPing(), 1, 3, 1, BREAKS_ON_SEED_2);
    assertTrue(outcomes.get(0).ok() && outcomes.get(2).ok());
    ExploreCommand.Outcome failed = outcomes.get(1);
    assertTrue(!failed.ok() && failed.failure().getMessage().contains("test invariant broken"), failed.toString());
    int[] code = new int[1];
    String table = printed(outcomes, code);
    assertEquals(Main.EXIT_FAILED, code[0]);
    assertTrue(table.contains("explored 3 seed(s): 2 ok, 1 failed"), table);
    assertTrue(table.contains("reproduce seed 2: ./geosim run ../configs/scenarios/atlantic-ping.conf --seed 2"
        + " --set duration=1m --check-invariants"), table);
    ExploreCommand.Outcome replay = ExploreCommand.explore(atlanticPing(), 2, 1, 1, BREAKS_ON_SEED_2).get(0);
    assertEquals(failed.failure().timeNs(), replay.failure().timeNs());
    assertEquals(failed.failure().getMessage(), replay.failure().getMessage());
  }

  @Test
  void withAFaultSpaceEachSeedDrawsItsPlanAndTheReproduceCommandReplaysIt() throws Exception {
    List<ExploreCommand.Outcome> outcomes = ExploreCommand.explore(faultSpace(), 1, 3, 2, BREAKS_ON_SEED_2);
    for (ExploreCommand.Outcome o : outcomes) assertTrue(!o.drawn().isEmpty() && o.drawn().size() <= 3, o.toString());
    assertNotEquals(outcomes.get(0).drawn(), outcomes.get(2).drawn(), "seeds draw different plans");
    int[] code = new int[1];
    String table = printed(outcomes, code, faultSpace());
    assertEquals(Main.EXIT_FAILED, code[0]);
    for (ExploreCommand.Outcome o : outcomes) {
      assertTrue(table.contains(ExploreCommand.describe(o.drawn())), table);
      assertTrue(table.contains(o.drawn().get(0).describe()), table);
    }
    String reproduce = "./geosim run ../configs/scenarios/explore-store-faults.conf --seed 2 --set duration=20s"
        + " --set store.workload.rate-per-server=2 --set explore.draw-faults=true --check-invariants";
    assertTrue(table.contains("reproduce seed 2: " + reproduce), table);

    // What the reproduce command loads: the scenario's faults are the plan seed 2 drew.
    ScenarioSettings replayed = ScenarioLoader.load(faultSpace().file,
        List.of("duration=20s", "store.workload.rate-per-server=2", "explore.draw-faults=true", "seed=2"));
    assertEquals(outcomes.get(1).drawn(), replayed.faults().faults());
    ExploreCommand.Outcome again = ExploreCommand.explore(faultSpace(), 2, 1, 1, BREAKS_ON_SEED_2).get(0);
    assertEquals(outcomes.get(1).drawn(), again.drawn());
    assertEquals(outcomes.get(1).failure().timeNs(), again.failure().timeNs());
    assertEquals(outcomes.get(1).failure().getMessage(), again.failure().getMessage());
    ExploreCommand.Outcome seed3 = ExploreCommand.explore(faultSpace(), 3, 1, 1, seed -> new Invariants()).get(0);
    assertEquals(outcomes.get(2).drawn(), seed3.drawn());
    assertEquals(outcomes.get(2).result().events(), seed3.result().events(), "same seed, same plan, same run");

    // Without the override a plain run keeps only the scenario's own faults (none here).
    assertEquals(List.of(), ScenarioLoader.load(faultSpace().file, List.of("seed=2")).faults().faults());
  }

  /**
   * The invariants, over a run in which, for seed 2 from the third snapshot on, the last server in
   * path order counts 5 more answered pings than it sent (a broken counter in one actor).
   */
  private static final LongFunction<SnapshotObserver> ONE_ACTOR_MISCOUNTS_ON_SEED_2 = seed -> new SnapshotObserver() {
    private final Invariants invariants = new Invariants();
    private int snapshots;

    @Override
    public void onSnapshot(Snapshot s) {
      throw new AssertionError("the kernel hands a breakdown");
    }

    @Override
    public void onSnapshot(Snapshot s, CounterBreakdown byActor) {
      if (seed != 2 || ++snapshots < 3) {
        invariants.onSnapshot(s, byActor);
        return;
      }
      String broken = byActor.byActor("ping.ok").lastKey();
      SortedMap<String, Long> counters = new TreeMap<>(s.counters());
      counters.merge("ping.ok", 5L, Long::sum);
      invariants.onSnapshot(new Snapshot(s.timeNs(), s.intervalStartNs(), s.events(), counters, s.intervalHistograms()),
          name -> {
            SortedMap<String, Long> shares = new TreeMap<>(byActor.byActor(name));
            if (name.equals("ping.ok")) shares.merge(broken, 5L, Long::sum);
            return shares;
          });
    }
  };

  @Test
  void aViolatedInvariantNamesTheActorInTheTableAndReplaysWithTheSameMessage() throws Exception {
    List<ExploreCommand.Outcome> outcomes = ExploreCommand.explore(atlanticPing(), 1, 3, 2, ONE_ACTOR_MISCOUNTS_ON_SEED_2);
    assertTrue(outcomes.get(0).ok() && outcomes.get(2).ok(), outcomes.toString());
    ExploreCommand.Outcome failed = outcomes.get(1);
    String actor = failed.failure().actorPath();
    assertEquals("us-east/srv-3", actor, "the last server in path order: " + failed.failure());
    String message = failed.failure().getMessage();
    assertTrue(message.startsWith("actor " + actor + " failed at virtual time "), message);
    assertTrue(message.contains("exceed") && message.contains("(ping.sent) [at actor " + actor + ": "), message);
    assertEquals(2, message.split("/srv-", -1).length - 1, "no other actor is named: " + message);
    int[] code = new int[1];
    String table = printed(outcomes, code);
    assertEquals(Main.EXIT_FAILED, code[0]);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("FAILED") && l.contains("actor " + actor)),
        table);
    assertTrue(table.contains("reproduce seed 2: ./geosim run ../configs/scenarios/atlantic-ping.conf --seed 2"), table);
    ExploreCommand.Outcome replay = ExploreCommand.explore(atlanticPing(), 2, 1, 1, ONE_ACTOR_MISCOUNTS_ON_SEED_2).get(0);
    assertEquals(message, replay.failure().getMessage());
    assertEquals(actor, replay.failure().actorPath());
  }
}
