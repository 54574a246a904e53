package geosim.store.storage;

import geosim.kernel.StreamRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One replica's log-structured storage engine, after Cassandra's [1]: commit log, memtable,
 * SSTables with bloom filters, size-tiered compaction. It holds the newest cell of every key the
 * replica has (for reads and the consistency audit) and describes the disk and CPU work each call
 * causes; it never executes that work and never reads a clock.
 *
 * <ul>
 *   <li><b>Write</b> ({@link #write}): append the mutation to the commit log (one sequential write
 *       of its size) and apply it to the memtable, last write wins ({@link Cell}). When the
 *       memtable holds at least {@link StorageSettings#memtableFlushBytes()} it is switched out:
 *       the returned {@link FlushTask} is one sequential write of its size, and a fresh memtable
 *       takes new writes.
 *   <li><b>Flush done</b> ({@link #flushDone}): the new SSTable joins the others and size-tiered
 *       compaction ({@link SizeTieredCompaction}) starts up to {@link
 *       CompactionSettings#concurrentCompactors()} compactions, returned as {@link CompactionTask}s.
 *   <li><b>Compaction done</b> ({@link #compactionDone}): the merged table replaces its inputs,
 *       and further compactions may start.
 *   <li><b>Read</b> ({@link #read}): the memtable and the memtables being flushed cost nothing;
 *       then every SSTable is consulted. One that holds the key costs a random read of the key's
 *       compression chunks (partition index and data folded into one access); one that does not
 *       costs a random read of one chunk if its bloom filter lets the key through, which happens
 *       with probability p = {@link BloomFilterSpec#falsePositiveProbability()}, decided by one draw
 *       from the caller's stream per absent table, in generation order. The newest cell wins.
 * </ul>
 *
 * <p>The owner (the replica's actor) submits the work to its disk and CPU in virtual time and
 * reports completions, in any order. Example with the defaults, 1 KiB writes of new keys: each
 * write costs a 1 KiB commit-log append; the 699,051st write fills 682.7 MiB and returns a flush;
 * after the fourth flush is done, a compaction of four tables (2.67 GiB read, 2.67 GiB written,
 * 57 core-seconds) starts.
 *
 * <p>[1] A. Lakshman, P. Malik, "Cassandra: a decentralized structured storage system", ACM SIGOPS
 * Operating Systems Review 44(2), 2010, section "Local Persistence".
 */
public final class StorageEngine {
  /**
   * Largest mutation, bytes: 16 MiB, Cassandra's max_mutation_size default (half of the 32 MiB
   * commitlog_segment_size; conf/cassandra.yaml).
   */
  public static final int MUTATION_BYTES_MAX = 16 << 20;

  private final StorageSettings settings;
  private final BloomFilterSpec bloomFilter;
  private final double falsePositiveProbability;
  private final SizeTieredCompaction strategy;
  private Memtable memtable = new Memtable();
  private final List<FlushTask> flushing = new ArrayList<>();
  private final List<SSTable> tables = new ArrayList<>(); // ascending generation
  private final List<CompactionTask> compacting = new ArrayList<>();
  private final TreeSet<Long> compactingGenerations = new TreeSet<>();
  private long nextGeneration = 1;
  private long nextTaskId = 1;
  private long writes;
  private long commitLogBytes;
  private long flushes;
  private long flushBytes;
  private long compactions;
  private long compactionReadBytes;
  private long compactionWriteBytes;
  private long reads;
  private long dataReads;
  private long falsePositiveReads;
  private long filterRejections;

  /** An empty engine. */
  public StorageEngine(StorageSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bloomFilter = settings.bloomFilter();
    this.falsePositiveProbability = bloomFilter.falsePositiveProbability();
    this.strategy = new SizeTieredCompaction(settings.compaction());
  }

  public StorageSettings settings() {
    return settings;
  }

  /** The bloom filter of every SSTable, chosen from {@link StorageSettings#bloomFilterFpChance()}. */
  public BloomFilterSpec bloomFilter() {
    return bloomFilter;
  }

  /**
   * Applies a write and returns the disk work it causes.
   *
   * @param key the key
   * @param cell the written cell; kept only if it supersedes the memtable's cell of the key
   * @param sizeBytes the mutation's size (key, value and overhead), 1 to {@link #MUTATION_BYTES_MAX}
   */
  public WriteWork write(long key, Cell cell, int sizeBytes) {
    Objects.requireNonNull(cell, "cell");
    if (sizeBytes < 1 || sizeBytes > MUTATION_BYTES_MAX) {
      throw new IllegalArgumentException("sizeBytes must be between 1 and " + MUTATION_BYTES_MAX
          + ", got " + sizeBytes);
    }
    memtable.apply(key, cell, sizeBytes);
    writes++;
    commitLogBytes += sizeBytes;
    Optional<FlushTask> flush = memtable.bytes() >= settings.memtableFlushBytes()
        ? Optional.of(switchMemtable())
        : Optional.empty();
    return new WriteWork(sizeBytes, flush);
  }

  /** Flushes the memtable now (e.g. before a drain); empty if it holds nothing. */
  public Optional<FlushTask> flush() {
    return memtable.isEmpty() ? Optional.empty() : Optional.of(switchMemtable());
  }

  /**
   * Reports a flush's write complete: its SSTable becomes readable from disk.
   *
   * @param task a flush this engine issued and not yet reported done
   * @return the compactions started now, possibly none
   */
  public List<CompactionTask> flushDone(FlushTask task) {
    Objects.requireNonNull(task, "task");
    if (!flushing.remove(task)) {
      throw new IllegalArgumentException("task must be a flush in progress on this engine, got " + task);
    }
    insertByGeneration(task.table());
    return startCompactions();
  }

  /**
   * Reports a compaction's work complete: the merged table replaces its inputs.
   *
   * @param task a compaction this engine issued and not yet reported done
   * @return the compactions started now, possibly none
   */
  public List<CompactionTask> compactionDone(CompactionTask task) {
    Objects.requireNonNull(task, "task");
    if (!compacting.remove(task)) {
      throw new IllegalArgumentException("task must be a compaction in progress on this engine, got " + task);
    }
    tables.removeAll(task.inputs());
    for (SSTable input : task.inputs()) compactingGenerations.remove(input.generation());
    insertByGeneration(task.output());
    return startCompactions();
  }

  /**
   * Reads a key: its newest cell and the random disk reads that cost (see the class comment).
   *
   * @param random the caller's stream; one draw per SSTable that does not hold the key (none when
   *     the filter's p is 1)
   */
  public ReadResult read(long key, StreamRandom random) {
    Objects.requireNonNull(random, "random");
    Cell newest = inMemory(key);
    int data = 0;
    int wasted = 0;
    long bytes = 0;
    for (SSTable table : tables) {
      int index = table.indexOf(key);
      if (index >= 0) {
        data++;
        bytes += chunkBytes(table.sizeAt(index));
        newest = newer(newest, table.cellAt(index));
      } else if (falsePositive(random)) {
        wasted++;
        bytes += settings.readChunkBytes();
      } else {
        filterRejections++;
      }
    }
    reads++;
    dataReads += data;
    falsePositiveReads += wasted;
    return new ReadResult(Optional.ofNullable(newest), data, wasted, bytes);
  }

  /** The newest cell of {@code key} on this replica, for the audit: no cost, no draw, no counting. */
  public Optional<Cell> newestCell(long key) {
    Cell newest = inMemory(key);
    for (SSTable table : tables) {
      int index = table.indexOf(key);
      if (index >= 0) newest = newer(newest, table.cellAt(index));
    }
    return Optional.ofNullable(newest);
  }

  /**
   * The newest cell of every key this replica holds (memtables and SSTables merged, last write
   * wins), keys ascending: what anti-entropy repair's validation reads. No cost, no counting; the
   * caller charges the disk and CPU work it stands for.
   */
  public SortedCells liveCells() {
    List<SSTable> all = new ArrayList<>(tables.size() + flushing.size() + 1);
    all.addAll(tables);
    for (FlushTask task : flushing) all.add(task.table());
    if (!memtable.isEmpty()) all.add(memtable.toTable(-1));
    return all.isEmpty() ? SortedCells.empty() : SortedCells.of(SSTable.merge(-1, all));
  }

  /**
   * Adds streamed cells as a new SSTable, as Cassandra's streaming writes received sections
   * straight to SSTables (no commit log, no memtable); reads then see them, last write wins. The
   * caller charges the sequential write of {@link SortedCells#totalBytes()} before calling.
   *
   * @param cells the received cells; none is a no-op
   * @return the compactions started now, possibly none
   */
  public List<CompactionTask> ingest(SortedCells cells) {
    Objects.requireNonNull(cells, "cells");
    if (cells.isEmpty()) return List.of();
    insertByGeneration(cells.toTable(nextGeneration++));
    return startCompactions();
  }

  /**
   * Loses everything the replica holds (a terminated cloud instance's local disk): memtables,
   * SSTables and the commit log; flushes and compactions in progress are forgotten ({@link
   * #inProgress} says so when they report). The totals of {@link #stats} keep the work done.
   */
  public void wipe() {
    memtable = new Memtable();
    flushing.clear();
    tables.clear();
    compacting.clear();
    compactingGenerations.clear();
  }

  /** Whether {@code task} is a flush this engine issued and has not seen done (nor wiped). */
  public boolean inProgress(FlushTask task) {
    return flushing.contains(task);
  }

  /** Whether {@code task} is a compaction this engine issued and has not seen done (nor wiped). */
  public boolean inProgress(CompactionTask task) {
    return compacting.contains(task);
  }

  /** Bytes in the memtable taking writes. */
  public long memtableBytes() {
    return memtable.bytes();
  }

  /** Bytes in memtables being flushed: memory not yet freed. */
  public long flushingBytes() {
    long total = 0;
    for (FlushTask task : flushing) total += task.writeBytes();
    return total;
  }

  /**
   * Bytes of the simulator's heap this engine's cells take: the memtable's table, the memtables
   * being flushed and every SSTable, compaction outputs included (not the engine's own objects).
   * What the model's data costs the simulator, for memory benchmarks.
   */
  public long heapBytes() {
    long total = memtable.heapBytes();
    for (FlushTask task : flushing) total += task.table().heapBytes();
    for (SSTable table : tables) total += table.heapBytes();
    for (CompactionTask task : compacting) total += task.output().heapBytes();
    return total;
  }

  /** SSTables readers see (inputs of running compactions included, their outputs not). */
  public int sstableCount() {
    return tables.size();
  }

  /** Bytes of the SSTables readers see. */
  public long sstableBytes() {
    long total = 0;
    for (SSTable table : tables) total += table.sizeBytes();
    return total;
  }

  /** Compactions issued and not yet reported done. */
  public int compactionsRunning() {
    return compacting.size();
  }

  /** Compactions the idle SSTables call for beyond the running ones (Cassandra's pending tasks). */
  public int pendingCompactions() {
    return strategy.estimatedTasks(idleTables());
  }

  /** Totals of the work issued so far. */
  public StorageStats stats() {
    return new StorageStats(writes, commitLogBytes, flushes, flushBytes, compactions,
        compactionReadBytes, compactionWriteBytes, reads, dataReads, falsePositiveReads,
        filterRejections);
  }

  private FlushTask switchMemtable() {
    FlushTask task = new FlushTask(nextTaskId++, memtable.toTable(nextGeneration++));
    memtable = new Memtable();
    flushing.add(task);
    flushes++;
    flushBytes += task.writeBytes();
    return task;
  }

  private List<CompactionTask> startCompactions() {
    List<CompactionTask> started = new ArrayList<>();
    while (compacting.size() < settings.compaction().concurrentCompactors()) {
      List<SSTable> inputs = strategy.select(idleTables());
      if (inputs.isEmpty()) break;
      SSTable output = SSTable.merge(nextGeneration++, inputs);
      CompactionTask task = new CompactionTask(nextTaskId++, inputs, output,
          settings.compaction().cpuNsPerByte());
      for (SSTable input : inputs) compactingGenerations.add(input.generation());
      compacting.add(task);
      compactions++;
      compactionReadBytes += task.readBytes();
      compactionWriteBytes += task.writeBytes();
      started.add(task);
    }
    return List.copyOf(started);
  }

  private List<SSTable> idleTables() {
    List<SSTable> idle = new ArrayList<>(tables.size());
    for (SSTable table : tables) {
      if (!compactingGenerations.contains(table.generation())) idle.add(table);
    }
    return idle;
  }

  private void insertByGeneration(SSTable table) {
    int at = tables.size();
    while (at > 0 && tables.get(at - 1).generation() > table.generation()) at--;
    tables.add(at, table);
  }

  private Cell inMemory(long key) {
    Cell newest = memtable.cell(key);
    for (FlushTask task : flushing) {
      int index = task.table().indexOf(key);
      if (index >= 0) newest = newer(newest, task.table().cellAt(index));
    }
    return newest;
  }

  private boolean falsePositive(StreamRandom random) {
    return falsePositiveProbability >= 1 || random.nextDouble() < falsePositiveProbability;
  }

  /** Bytes of the whole compression chunks that hold a cell of {@code sizeBytes}. */
  private long chunkBytes(int sizeBytes) {
    long chunk = settings.readChunkBytes();
    return (sizeBytes + chunk - 1) / chunk * chunk;
  }

  private static Cell newer(Cell a, Cell b) {
    if (a == null) return b;
    return b.supersedes(a) ? b : a;
  }
}
