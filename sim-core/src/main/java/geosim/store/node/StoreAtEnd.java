package geosim.store.node;

import geosim.node.Cpu;
import geosim.node.Disk;
import geosim.store.audit.ConsistencyAudit;
import geosim.store.audit.ConsistencyLog;
import geosim.store.audit.ConsistencyReport;
import geosim.store.audit.KeyCells;
import geosim.store.audit.LogRows;
import geosim.store.gossip.GossipStatus;
import geosim.store.ring.Membership;
import geosim.store.ring.ReplicaPlacement;
import geosim.store.storage.Cell;
import geosim.store.storage.StorageStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The store's objects as the summary reads them after the run, through a plain value: {@link
 * #endState} takes what the servers of some partitions hold ({@link StoreEndState}), parts over
 * disjoint servers merge into the whole, and the summary reads only the merged value. In one JVM
 * the part is every server; on a cluster each member takes its own partitions' part and the
 * driver merges them, then asks for the replicas' cells of the keys the audit needs ({@link
 * #auditedKeys}, {@link #keyCells}) and finishes the audit ({@link #consistency}) over logs
 * rebuilt from the parts. Either way the same code computes the same numbers.
 */
public final class StoreAtEnd {
  private final List<StoreServer> servers;
  private final Membership membership;
  private final ConsistencyAudit audit;

  StoreAtEnd(List<StoreServer> servers, Membership membership, ConsistencyAudit audit) {
    this.servers = servers;
    this.membership = membership;
    this.audit = audit;
  }

  /** The replicas after the changes that some server knew complete at the end of the run. */
  ReplicaPlacement placementAtEnd() {
    int n = servers.size();
    int[] ring = new int[n];
    boolean[] member = new boolean[n];
    for (int s = 0; s < n; s++) {
      ring[s] = servers.get(s).ring().version();
      member[s] = selfMember(s);
    }
    return membership.placement(placementIndex(ring, member));
  }

  /**
   * The index of the ring's placement at the end of the run described by {@code state} (merged
   * over all servers): the latest version some server knew complete, or for an elastic ring each
   * ladder's spares that are members by their own status.
   */
  public int placementIndexAtEnd(StoreEndState state) {
    return placementIndex(state.ringVersion(), state.selfMember());
  }

  private int placementIndex(int[] ringVersion, boolean[] selfMember) {
    if (membership.isElastic()) {
      int[] joined = new int[membership.ladderCount()];
      for (int r = 0; r < joined.length; r++) {
        for (int node : membership.ladder(r)) {
          if (!selfMember[node]) break;
          joined[r]++;
        }
      }
      return membership.elasticIndex(joined);
    }
    int version = 0;
    for (int v : ringVersion) version = Math.max(version, v);
    return version;
  }

  /** Whether server {@code s}'s own status is NORMAL or LEAVING: an elastic ring's spare has joined. */
  private boolean selfMember(int s) {
    GossipStatus own = servers.get(s).failureView().statusOf(s);
    return own == GossipStatus.NORMAL || own == GossipStatus.LEAVING;
  }

  /**
   * What the servers {@code owned} (by index; e.g. those of some partitions) hold at the end of
   * the run, {@code endNs}: their disks' utilization, instance time, SSTables, ring versions and
   * statuses, storage totals, pending hints and their consistency logs' rows (shared, not copied).
   * The replicas' cells of the audited keys come later ({@link #keyCells}), once the keys are known.
   */
  public StoreEndState endState(long endNs, IntPredicate owned) {
    int n = servers.size();
    double[] disk = new double[n];
    long[] held = new long[n];
    int[] sstables = new int[n];
    int[] ring = new int[n];
    boolean[] member = new boolean[n];
    StorageStats storage = StorageStats.NONE;
    long hints = 0;
    List<LogRows> logs = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (!owned.test(s)) continue;
      StoreServer server = servers.get(s);
      Disk d = server.disk();
      disk[s] = endNs > 0 ? Cpu.utilization(d.busyChannelNs(endNs), d.channels(), endNs) : 0;
      held[s] = server.heldNs(endNs);
      sstables[s] = server.replica().engine().sstableCount();
      ring[s] = server.ring().version();
      member[s] = selfMember(s);
      storage = storage.plus(server.replica().engine().stats());
      hints += server.hints().pending();
      logs.add(server.coordinator().consistencyLog().rows());
    }
    return new StoreEndState(disk, held, sstables, ring, member, storage, hints, logs, null);
  }

  /**
   * The cells the replicas {@code owned} hold of {@code keys} (ascending; {@link #auditedKeys}),
   * for the audit: each key's final replicas (in placement {@code atEndIndex}, {@link
   * #placementIndexAtEnd}) and, when the ring changed, its replicas in every version of the ring.
   */
  public KeyCells keyCells(long[] keys, int atEndIndex, IntPredicate owned) {
    ReplicaPlacement atEnd = membership.placement(atEndIndex);
    int versions = membership.versionCount();
    KeyCells found = KeyCells.empty(keys, versions > 1);
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      for (int replica : atEnd.replicas(key)) {
        if (owned.test(replica)) found.atEnd(i, cellAt(replica, key));
      }
      for (int version = 0; versions > 1 && version < versions; version++) {
        for (int replica : membership.placement(version).replicas(key)) {
          if (owned.test(replica)) found.inAnyRing(i, cellAt(replica, key));
        }
      }
    }
    return found;
  }

  /** Every key the audit of {@code state} (merged over all servers) asks about, ascending. */
  public long[] auditedKeys(StoreEndState state) {
    return audit.keys(logs(state));
  }

  /**
   * The consistency audit of the finished run ({@link ConsistencyAudit}): every coordinator's log
   * as {@code state} (merged over all servers, with its cells) holds it, against each key's
   * converged cell, the last-write-wins maximum over its replicas. Once: later calls return the
   * same report.
   */
  public ConsistencyReport consistency(StoreEndState state) {
    if (state.cells() == null) throw new IllegalArgumentException("the end state has no cells of the audited keys");
    ReplicaPlacement atEnd = membership.placement(placementIndexAtEnd(state));
    return audit.finish(logs(state), state.cells().states(key -> atEnd.replicas(key).length));
  }

  private static List<ConsistencyLog> logs(StoreEndState state) {
    List<ConsistencyLog> logs = new ArrayList<>(state.logs().size());
    for (LogRows rows : state.logs()) logs.add(ConsistencyLog.of(rows));
    return logs;
  }

  private Cell cellAt(int server, long key) {
    return servers.get(server).replica().engine().newestCell(key).orElse(null);
  }
}
