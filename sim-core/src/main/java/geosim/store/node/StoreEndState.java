package geosim.store.node;

import geosim.store.audit.KeyCells;
import geosim.store.audit.LogRows;
import geosim.store.storage.StorageStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the store's objects hold at the end of a run, for the summary, taken over the servers one
 * set of partitions owns ({@link StoreModel#endState}); a plain value (Jackson-serializable) so a
 * cluster member can send its part to the run's driver, and parts over disjoint servers merge
 * exactly ({@link #merge}). Per-server arrays have every server, 0 (false) for servers the part
 * does not own; totals are the owned servers' sums.
 *
 * @param diskUtilization each server's disk utilization over the run (busy channels / channels)
 * @param heldNs each server's instance time in the run ({@link StoreModel#serverHeldNs})
 * @param sstables each server's SSTables at the end
 * @param ringVersion each server's ring version at the end (the ring changes it knows complete)
 * @param selfMember each server's own gossip status at the end is NORMAL or LEAVING (an elastic
 *     ring's spares count as joined then)
 * @param storage the owned engines' storage totals added up
 * @param hintsPending hints the owned coordinators kept and had not replayed or dropped
 * @param logs the owned coordinators' consistency logs' rows, by server
 * @param cells the owned replicas' cells of the audited keys; null until taken ({@link StoreModel#keyCells})
 */
public record StoreEndState(double[] diskUtilization, long[] heldNs, int[] sstables, int[] ringVersion,
    boolean[] selfMember, StorageStats storage, long hintsPending, List<LogRows> logs, KeyCells cells) {
  public StoreEndState {
    int n = diskUtilization.length;
    if (heldNs.length != n || sstables.length != n || ringVersion.length != n || selfMember.length != n) {
      throw new IllegalArgumentException("one entry per server in every array");
    }
    logs = List.copyOf(logs);
  }

  /** This state with the replicas' cells of the audited keys. */
  public StoreEndState withCells(KeyCells keyCells) {
    return new StoreEndState(diskUtilization, heldNs, sstables, ringVersion, selfMember, storage, hintsPending, logs,
        keyCells);
  }

  /** The parts (over disjoint servers) together; cells are merged when every part has them. */
  public static StoreEndState merge(List<StoreEndState> parts) {
    StoreEndState first = parts.get(0);
    int n = first.diskUtilization.length;
    double[] disk = new double[n];
    long[] held = new long[n];
    int[] sstables = new int[n];
    int[] ring = new int[n];
    boolean[] member = new boolean[n];
    StorageStats storage = StorageStats.NONE;
    long hints = 0;
    List<LogRows> logs = new ArrayList<>();
    List<KeyCells> cells = new ArrayList<>();
    for (StoreEndState p : parts) {
      if (p.diskUtilization.length != n) throw new IllegalArgumentException("parts of different stores");
      for (int s = 0; s < n; s++) {
        disk[s] += p.diskUtilization[s];
        held[s] += p.heldNs[s];
        sstables[s] += p.sstables[s];
        ring[s] += p.ringVersion[s];
        member[s] |= p.selfMember[s];
      }
      storage = storage.plus(p.storage);
      hints += p.hintsPending;
      logs.addAll(p.logs);
      if (p.cells != null) cells.add(p.cells);
    }
    logs.sort(Comparator.comparingInt(LogRows::server));
    KeyCells merged = cells.size() == parts.size() ? KeyCells.merge(cells) : null;
    return new StoreEndState(disk, held, sstables, ring, member, storage, hints, logs, merged);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreEndState e && Arrays.equals(diskUtilization, e.diskUtilization)
        && Arrays.equals(heldNs, e.heldNs) && Arrays.equals(sstables, e.sstables)
        && Arrays.equals(ringVersion, e.ringVersion) && Arrays.equals(selfMember, e.selfMember)
        && storage.equals(e.storage) && hintsPending == e.hintsPending && logs.equals(e.logs)
        && java.util.Objects.equals(cells, e.cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(heldNs) * 31 + logs.hashCode();
  }

  @Override
  public String toString() {
    return "StoreEndState[" + heldNs.length + " servers, " + logs.size() + " logs, cells " + cells + "]";
  }
}
