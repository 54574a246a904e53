package geosim.store.storage;

import java.util.List;
import java.util.Objects;

/**
 * A compaction in progress: read {@link #readBytes()} of SSTables sequentially, merge them on one
 * core for {@link #cpuNs()}, and write {@link #writeBytes()} sequentially. The merged table is
 * computed when the task starts but swapped in only when the owner reports {@link
 * StorageEngine#compactionDone}; until then reads still see, and pay for, the input tables.
 */
public final class CompactionTask {
  private final long id;
  private final List<SSTable> inputs;
  private final SSTable output;
  private final long readBytes;
  private final long cpuNs;

  CompactionTask(long id, List<SSTable> inputs, SSTable output, double cpuNsPerByte) {
    this.id = id;
    this.inputs = List.copyOf(inputs);
    this.output = Objects.requireNonNull(output, "output");
    long total = 0;
    for (SSTable table : this.inputs) total += table.sizeBytes();
    this.readBytes = total;
    this.cpuNs = (long) Math.ceil(total * cpuNsPerByte);
  }

  /** This engine's number for the task, from 1 in issue order (shared with flushes). */
  public long id() {
    return id;
  }

  /** SSTables merged. */
  public int inputCount() {
    return inputs.size();
  }

  /** Bytes read sequentially: the inputs' total size. */
  public long readBytes() {
    return readBytes;
  }

  /** Bytes written sequentially: the merged table's size, at most {@link #readBytes()}. */
  public long writeBytes() {
    return output.sizeBytes();
  }

  /** CPU work, core-ns: read bytes × {@link CompactionSettings#cpuNsPerByte()}, rounded up. */
  public long cpuNs() {
    return cpuNs;
  }

  /** Keys in the merged table. */
  public int outputKeyCount() {
    return output.keyCount();
  }

  List<SSTable> inputs() {
    return inputs;
  }

  SSTable output() {
    return output;
  }

  @Override
  public String toString() {
    return "CompactionTask[" + id + ", " + inputs.size() + " tables, read " + readBytes
        + " bytes, write " + writeBytes() + " bytes]";
  }
}
