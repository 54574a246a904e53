package geosim.kernel;

/**
 * Entries by id, where ids are handed out 0, 1, 2, ... and an entry lives a bounded time (a
 * coordinator's requests in flight, say): a ring of slots indexed by {@code id mod capacity},
 * doubled when a new id's slot still holds a live older entry. No boxing and no hashing per request, unlike a
 * {@code HashMap<Long, R>}; visited only in id order ({@link #sortedIds}), so its slot order
 * cannot leak into results.
 *
 * <p>Example: with 8 slots, ids 0 to 7 fill them; id 8 goes to slot 0 once request 0 is
 * removed, or else the table grows to 16 slots and id 8 takes slot 8.
 *
 * @param <R> the request record
 */
public final class IdTable<R> {
  private long[] ids = new long[64];
  private Object[] requests = new Object[64];
  private int size;

  /** The request with id {@code id}, or null when it is not in flight. */
  @SuppressWarnings("unchecked")
  public R get(long id) {
    int slot = slot(id);
    return requests[slot] != null && ids[slot] == id ? (R) requests[slot] : null;
  }

  /** Adds request {@code id} ({@code >= 0}, not in the table). */
  public void put(long id, R request) {
    while (requests[slot(id)] != null) grow();
    int slot = slot(id);
    ids[slot] = id;
    requests[slot] = request;
    size++;
  }

  /** Removes request {@code id}; nothing when it is not in flight. */
  public void remove(long id) {
    int slot = slot(id);
    if (requests[slot] != null && ids[slot] == id) {
      requests[slot] = null;
      size--;
    }
  }

  /** Requests in flight. */
  public int size() {
    return size;
  }

  /** The ids in flight, ascending: the only way to visit them, so no slot order leaks into results. */
  public long[] sortedIds() {
    long[] out = new long[size];
    int n = 0;
    for (int s = 0; s < requests.length; s++) {
      if (requests[s] != null) out[n++] = ids[s];
    }
    java.util.Arrays.sort(out);
    return out;
  }

  private int slot(long id) {
    return (int) (id & (ids.length - 1));
  }

  /** Doubles the slots; live ids stay distinct modulo the new size because they were modulo the old. */
  private void grow() {
    long[] oldIds = ids;
    Object[] old = requests;
    ids = new long[oldIds.length * 2];
    requests = new Object[old.length * 2];
    for (int s = 0; s < old.length; s++) {
      if (old[s] == null) continue;
      int slot = slot(oldIds[s]);
      ids[slot] = oldIds[s];
      requests[slot] = old[s];
    }
  }
}
