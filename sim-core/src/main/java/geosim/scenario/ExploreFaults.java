package geosim.scenario;

import geosim.faults.FaultSpace;
import geosim.faults.FaultSpec;
import java.util.List;

/**
 * What {@code geosim explore} needs of a loaded scenario's {@code explore} block: its fault space,
 * and the faults a run drew from it. A run draws when {@value #DRAW_KEY} is true: the loader then
 * appends {@link #drawn} to the scenario's faults, so the plan follows from the file and the seed
 * alone and {@code geosim run FILE --seed S --set explore.draw-faults=true} replays it.
 */
public final class ExploreFaults {
  /** The override that makes a run draw its faults from the space. */
  public static final String DRAW_KEY = FaultSpaceReader.BLOCK + ".draw-faults";

  private ExploreFaults() {}

  /** The scenario's fault space, or null when it declares none (its {@code kinds} list is empty). */
  public static FaultSpace space(ScenarioSettings scenario) {
    FaultSpaceReader.Explore explore = read(scenario);
    return explore == null ? null : explore.space();
  }

  /** The faults this run drew from the space: empty unless it declares one and {@value #DRAW_KEY} is true. */
  public static List<FaultSpec> drawn(ScenarioSettings scenario) {
    FaultSpaceReader.Explore explore = read(scenario);
    return explore == null ? List.of() : drawn(explore, scenario);
  }

  /** The plan of {@code explore} for the scenario's topology, length and seed. */
  static List<FaultSpec> drawn(FaultSpaceReader.Explore explore, ScenarioSettings scenario) {
    return drawn(explore, scenario.topology(), scenario.durationNs(), scenario.seed());
  }

  static List<FaultSpec> drawn(FaultSpaceReader.Explore explore, geosim.topology.Topology topology, long durationNs,
      long seed) {
    if (explore.space() == null || !explore.draw()) return List.of();
    return explore.space().draw(topology, durationNs, seed);
  }

  /** The block of a scenario the loader has validated: read again, it has no problems. */
  private static FaultSpaceReader.Explore read(ScenarioSettings scenario) {
    Problems problems = new Problems(scenario.source());
    FaultSpaceReader.Explore explore = new FaultSpaceReader(new ValueReader(problems), problems)
        .read(scenario.resolved().root().get(FaultSpaceReader.BLOCK), scenario.topology(),
            scenario.model() == ModelKind.STORE);
    if (problems.count() != 0) throw new IllegalStateException("a loaded scenario's explore block has problems");
    return explore;
  }
}
