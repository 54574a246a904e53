package geosim.kernel;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The address of a simulated actor that accepts messages of type {@code M}.
 *
 * <p>A ref carries the actor's path and stable id, and where the kernel placed it (partition and
 * slot). Placement is decided when the kernel is built, after every actor is known, and never
 * changes during a run. Refs compare by id.
 *
 * <p>In a message that crosses JVMs (Jackson) a ref travels as its identity: path, id, partition,
 * slot and unit. The receiving JVM built the same model from the same scenario, so these name the
 * same actor there, and the ref read back is equal to that JVM's own ref and sends the same way.
 *
 * @param <M> the actor's protocol: usually a sealed interface of records
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
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

  /** A ref read from a message that crossed JVMs, placed as it was where it was written. */
  @JsonCreator
  static ActorRef<?> read(@JsonProperty("path") String path, @JsonProperty("id") long id,
      @JsonProperty("partition") int partition, @JsonProperty("slot") int slot, @JsonProperty("unit") int unit) {
    ActorRef<?> ref = new ActorRef<>(path, id);
    ref.place(partition, slot, unit);
    return ref;
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
