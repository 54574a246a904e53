package geosim.scenario;

import geosim.store.audit.KeyCells;
import geosim.store.node.StoreEndState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What a run's model objects hold at its end, as far as {@code summary.json} reads them, over the
 * objects a set of partitions owns ({@link Simulation#endState(long, java.util.Collection)}): the
 * summary reads only this value, never the objects. It is plain data (Jackson-serializable), so
 * the members of a cluster that ran a run's partitions can each send theirs to the run's driver,
 * which merges them ({@link #merge}) into what one JVM takes over all partitions. An object belongs
 * to the partition of the actor it is part of: a server's CPU, disk and storage to the server's
 * actor, a link to the actor that transmits on it. Per-element arrays have every element, 0 for
 * those the part does not own, so disjoint parts add up exactly.
 *
 * @param partitions the partitions this state covers, ascending
 * @param endNs the run's end, virtual ns
 * @param serverCpu each server's CPU utilization over the run, in topology order (empty for models
 *     without servers' CPUs)
 * @param linkUtilization each link's utilization over the run (foreground and background), by link
 *     id (empty without a network)
 * @param store the store's objects ({@code model = store}); null for other models
 */
public record EndState(List<Integer> partitions, long endNs, double[] serverCpu, double[] linkUtilization,
    StoreEndState store) {
  public EndState {
    partitions = List.copyOf(new TreeSet<>(partitions));
    if (endNs < 0) throw new IllegalArgumentException("endNs must be >= 0, got " + endNs);
  }

  /** This state with the store replicas' cells of the audited keys. */
  public EndState withCells(KeyCells cells) {
    if (store == null) throw new IllegalStateException("only a store's end state has cells");
    return new EndState(partitions, endNs, serverCpu, linkUtilization, store.withCells(cells));
  }

  /**
   * The parts together: what one state taken over all their partitions holds.
   *
   * @throws IllegalArgumentException when the parts overlap, or are of different runs' shapes
   */
  public static EndState merge(List<EndState> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
    EndState first = parts.get(0);
    TreeSet<Integer> partitions = new TreeSet<>();
    double[] cpu = new double[first.serverCpu.length];
    double[] links = new double[first.linkUtilization.length];
    List<StoreEndState> stores = new ArrayList<>();
    for (EndState part : parts) {
      if (part.endNs != first.endNs || part.serverCpu.length != cpu.length
          || part.linkUtilization.length != links.length || (part.store == null) != (first.store == null)) {
        throw new IllegalArgumentException("parts of different runs: " + first + " and " + part);
      }
      for (int p : part.partitions) {
        if (!partitions.add(p)) throw new IllegalArgumentException("partition " + p + " is in two parts");
      }
      for (int s = 0; s < cpu.length; s++) cpu[s] += part.serverCpu[s];
      for (int l = 0; l < links.length; l++) links[l] += part.linkUtilization[l];
      if (part.store != null) stores.add(part.store);
    }
    return new EndState(List.copyOf(partitions), first.endNs, cpu, links,
        stores.isEmpty() ? null : StoreEndState.merge(stores));
  }

  /** The busiest link's utilization over the run, 0 to 1; 0 without links. */
  public double linkUtilizationMax() {
    double max = 0;
    for (double u : linkUtilization) max = Math.max(max, u);
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EndState e && partitions.equals(e.partitions) && endNs == e.endNs
        && Arrays.equals(serverCpu, e.serverCpu) && Arrays.equals(linkUtilization, e.linkUtilization)
        && java.util.Objects.equals(store, e.store);
  }

  @Override
  public int hashCode() {
    return partitions.hashCode() * 31 + Long.hashCode(endNs);
  }

  @Override
  public String toString() {
    return "EndState[partitions " + partitions + ", end " + endNs + " ns, " + serverCpu.length + " servers, "
        + linkUtilization.length + " links, store " + store + "]";
  }
}
