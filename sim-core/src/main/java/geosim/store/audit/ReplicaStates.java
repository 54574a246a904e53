package geosim.store.audit;

import geosim.store.storage.Cell;

/** What the replicas hold at the end of the run, key by key: what the audit compares the logs with. */
public interface ReplicaStates {
  /** The newest cell of {@code key} over all its replicas (what a full repair converges to), or null if none holds it. */
  Cell converged(long key);

  /** How many of {@code key}'s replicas hold an older cell than {@code converged} (its {@link #converged}), or none. */
  int replicasBehind(long key, Cell converged);

  /**
   * The order in which the audit asks about keys: keys are visited by ascending {@code
   * lookupOrder(key)} (signed). It must be one-to-one, so that each key keeps its own group. By
   * default the key itself; a store whose tables are laid out by a hash of the key passes that
   * hash, so the audit walks each table from one end to the other instead of at random.
   */
  default long lookupOrder(long key) {
    return key;
  }
}
