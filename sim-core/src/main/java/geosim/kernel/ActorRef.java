package geosim.kernel;

/**
 * The address of a simulated actor that accepts messages of type {@code M}.
 *
 * <p>A ref carries the actor's path and stable id, and where the kernel placed it (partition and
 * slot). Placement is decided when the kernel is built, after every actor is known, and never
 * changes during a run. Refs compare by id.
 *
 * @param <M> the actor's protocol: usually a sealed interface of records
 */
public final class ActorRef<M> implements Comparable<ActorRef<?>> {
  private final String path;
  private final long id;
  private int partition = -1;
  private int slot = -1;
  private int unit = -1;

  ActorRef(String path, long id) {
    this.path = path;
    this.id = id;
  }

  /** The actor's path, e.g. {@code us-east/use1-a/rack-3/srv-12}. */
  public String path() {
    return path;
  }

  /** The stable id derived from the path ({@link Seeds#idOf}). */
  public long id() {
    return id;
  }

  /** The partition that runs the actor (0-based); -1 before the kernel is built. */
  public int partition() {
    return partition;
  }

  int slot() {
    return slot;
  }

  int unit() {
    return unit;
  }

  void place(int partition, int slot, int unit) {
    this.partition = partition;
    this.slot = slot;
    this.unit = unit;
  }

  @Override
  public int compareTo(ActorRef<?> other) {
    return Long.compare(id, other.id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorRef<?> other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return path;
  }
}
