package geosim.store.audit;

import geosim.store.storage.Cell;

/** What the replicas hold at the end of the run, key by key: what the audit compares the logs with. */
public interface ReplicaStates {
  /** The newest cell of {@code key} over all its replicas (what a full repair converges to), or null if none holds it. */
  Cell converged(long key);

  /** How many of {@code key}'s replicas hold an older cell than {@code converged} (its {@link #converged}), or none. */
  int replicasBehind(long key, Cell converged);
}
