package geosim.store.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * The disk work one write causes, for the replica's actor to submit.
 *
 * <p>Example: a 1 KiB write into a memtable below its threshold is {@code WriteWork(1024,
 * Optional.empty())}: one sequential 1 KiB append. The write that fills the memtable also returns
 * the {@link FlushTask}; compactions start when the flush is done.
 *
 * @param commitLogBytes bytes appended sequentially to the commit log: the mutation's size, >= 1
 * @param flush the flush this write triggered, if any
 */
public record WriteWork(long commitLogBytes, Optional<FlushTask> flush) {
  public WriteWork {
    if (commitLogBytes < 1) {
      throw new IllegalArgumentException("commitLogBytes must be >= 1, got " + commitLogBytes);
    }
    Objects.requireNonNull(flush, "flush");
  }
}
