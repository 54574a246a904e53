package geosim.sweep;

import geosim.kernel.Seeds;
import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep runs: a scenario file with fixed overrides, the variations, the number of
 * replications and the root seed. Equal specs give equal folders, seeds and results, which is
 * what makes a sweep resumable.
 *
 * @param scenarioFile the scenario as the user named it
 * @param fileContent the scenario file's text (a changed file is a different sweep)
 */
public record SweepSpec(Path scenarioFile, String fileContent, List<String> overrides,
    List<Variation> variations, int replications, long seed) {

  public SweepSpec {
    overrides = List.copyOf(overrides);
    variations = List.copyOf(variations);
    if (replications < 1) throw new IllegalArgumentException("--replications must be >= 1, got " + replications);
  }

  /** The seed of replication {@code r} (0-based): the same at every point (common random numbers). */
  public long replicationSeed(int r) {
    return Seeds.streamSeed(seed, "replication-" + r);
  }

  /** A short stable hash of everything that decides the results. */
  public String fingerprint() {
    String text = fileContent + "\n" + overrides + "\n" + variations + "\n" + replications + "\n" + seed;
    return String.format("%016x", Seeds.idOf(text)).substring(0, 10);
  }

  public List<SweepPoint> points() {
    return SweepPoint.factorial(variations);
  }
}
