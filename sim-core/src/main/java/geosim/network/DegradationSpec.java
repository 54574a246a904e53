package geosim.network;

import geosim.topology.Link;
import java.util.List;
import java.util.Objects;

/**
 * Links degraded for a while, as a scenario names them: every link with one end inside each of
 * two elements, both ways (as {@link CutSpec#between} picks the links it cuts).
 *
 * @param startNs virtual time it starts, ns, >= 0
 * @param endNs virtual time it ends, ns, > {@code startNs}; {@link Long#MAX_VALUE} for never
 * @param between the two elements (paths)
 * @param degradation what it does to each of those links
 */
public record DegradationSpec(long startNs, long endNs, List<String> between, Degradation degradation) {
  public DegradationSpec {
    Objects.requireNonNull(degradation, "degradation");
    between = CutSpec.between(startNs, endNs, between.get(0), between.get(1)).between(); // checks the rest
  }

  /** The ids of the links it degrades among {@code links} (by index), in increasing order. */
  public int[] linkIds(List<Link> links) {
    return CutSpec.between(startNs, endNs, between.get(0), between.get(1)).linkIds(links);
  }
}
