package geosim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The simulated actors of one partition and their event heap: the sequential event loop that
 * every partition runs, whether there is one partition or many.
 *
 * <p>It is also the {@link ActorContext} handed to actors: one object per partition, pointed at
 * the actor being called, so delivering an event allocates nothing.
 */
final class PartitionCore implements ActorContext<Object> {
  private final int index;
  private final long rootSeed;
  private final long lookaheadNs;
  private final SimActor<Object>[] actors;
  private final ActorRef<Object>[] refs;
  private final long[] ids;
  private final int[] units;
  private final long[] nextSeq;
  private final StreamRandom[] randoms;
  private final EventQueue queue = new EventQueue(1024);
  /** Counters belong to the actor being called when they are looked up. */
  private final Metrics metrics = new Metrics(() -> this.current);
  private final Outbox[] outboxes;

  private long now;
  private int current = -1;
  private long events;
  /** Every event before this time has been processed; nothing may arrive before it. */
  private long doneUntil;
  private boolean started;

  @SuppressWarnings("unchecked")
  PartitionCore(int index, int partitions, long rootSeed, long lookaheadNs, List<Spawned> members) {
    this.index = index;
    this.rootSeed = rootSeed;
    this.lookaheadNs = lookaheadNs;
    int n = members.size();
    actors = new SimActor[n];
    refs = new ActorRef[n];
    ids = new long[n];
    units = new int[n];
    nextSeq = new long[n];
    randoms = new StreamRandom[n];
    for (int slot = 0; slot < n; slot++) {
      Spawned s = members.get(slot);
      actors[slot] = (SimActor<Object>) s.actor();
      refs[slot] = (ActorRef<Object>) s.ref();
      ids[slot] = s.ref().id();
      units[slot] = s.ref().unit();
    }
    outboxes = new Outbox[partitions];
    for (int p = 0; p < partitions; p++) {
      if (p != index) outboxes[p] = new Outbox(p);
    }
  }

  /** An actor and its ref, as registered with the kernel builder. */
  record Spawned(ActorRef<?> ref, SimActor<?> actor) {}

  int index() {
    return index;
  }

  long events() {
    return events;
  }

  /** Time of the earliest pending event, {@link Long#MAX_VALUE} when there is none. */
  long nextEventTime() {
    return queue.peekTime();
  }

  /** Calls every actor's start hook at time 0, in slot order. */
  void start() {
    if (started) return;
    started = true;
    now = 0;
    for (int slot = 0; slot < actors.length; slot++) {
      current = slot;
      actors[slot].start(this);
    }
    current = -1;
  }

  /** Queues events other partitions sent here; none may lie before what is already done. */
  void accept(EventBatch batch) {
    long[] times = batch.times();
    for (int i = 0; i < times.length; i++) {
      if (times[i] < doneUntil) {
        throw new IllegalStateException("partition " + index + " received an event for time "
            + times[i] + " ns, in its past (done until " + doneUntil + " ns): lookahead violated");
      }
      queue.add(times[i], batch.sources()[i], batch.seqs()[i], batch.targets()[i], batch.messages()[i]);
    }
  }

  /**
   * Runs this partition alone through consecutive windows of {@code windowNs} up to {@code boundaryNs}: a partition
   * that has no one to exchange events with needs no coordinator between windows.
   *
   * @return the number of windows run
   */
  long runWindowsAlone(long boundaryNs, long windowNs) {
    long windows = 0;
    long end;
    do {
      end = Windows.end(queue.peekTime(), windowNs, boundaryNs);
      runUntil(end);
      windows++;
    } while (end < boundaryNs);
    return windows;
  }

  /** Processes every event before {@code windowEndNs}, in the total event order. */
  void runUntil(long windowEndNs) {
    EventQueue q = queue;
    while (q.peekTime() < windowEndNs) {
      q.poll();
      long t = q.headTime;
      if (t < now) {
        throw new IllegalStateException("partition " + index + " went back in time from "
            + now + " ns to " + t + " ns");
      }
      Object message = q.headMessage;
      if (message instanceof Timer timer) {
        if (timer.isCancelled()) continue;
        message = timer.message();
      }
      now = t;
      int slot = q.headTarget;
      current = slot;
      events++;
      actors[slot].receive(message, this);
    }
    current = -1;
    if (windowEndNs > doneUntil) doneUntil = windowEndNs;
  }

  /** Every event before this time has been processed. */
  long doneUntil() {
    return doneUntil;
  }

  long lookaheadNs() {
    return lookaheadNs;
  }

  /** The events for partition {@code p} collected since the last drain, or null when there are none. */
  EventBatch drainOutbox(int p) {
    Outbox box = outboxes[p];
    return box == null || box.isEmpty() ? null : box.drain();
  }

  /** Batches for other partitions collected since the last call, in partition order. */
  List<EventBatch> drainOutboxes() {
    List<EventBatch> batches = new ArrayList<>(2);
    for (Outbox box : outboxes) {
      if (box != null && !box.isEmpty()) batches.add(box.drain());
    }
    return batches;
  }

  Metrics metricsRegistry() {
    return metrics;
  }

  /**
   * Adds each actor's own value of the counter {@code name} into {@code into}, by actor path
   * ({@link CounterBreakdown#NO_ACTOR} for counters looked up outside any actor's call).
   */
  void addCounterByActor(String name, SortedMap<String, Long> into) {
    metrics.addByOwnerTo(name, slot -> slot == Metrics.NO_OWNER ? CounterBreakdown.NO_ACTOR : refs[slot].path(), into);
  }

  /** The actor being called, for error messages; null between events. */
  String currentActorPath() {
    return current < 0 ? null : refs[current].path();
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public ActorRef<Object> self() {
    return refs[current];
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void send(ActorRef<T> target, T message, long delayNs) {
    int from = current;
    long time = now + delayNs;
    if (delayNs < 0 || time < 0) throw badDelay(target, message, delayNs);
    if (target.unit() != units[from] && delayNs < lookaheadNs) {
      throw belowLookahead(target, message, delayNs);
    }
    long seq = nextSeq[from]++;
    int partition = target.partition();
    if (partition == index) {
      queue.add(time, ids[from], seq, target.slot(), message);
    } else if (partition >= 0 && partition < outboxes.length) {
      outboxes[partition].add(time, ids[from], seq, target.slot(), message);
    } else {
      throw new IllegalArgumentException("actor " + target.path() + " does not belong to this kernel");
    }
  }

  @Override
  public Timer startTimer(Object message, long delayNs) {
    Timer timer = new Timer(message);
    send(refs[current], timer, delayNs);
    return timer;
  }

  @Override
  public void schedule(Object message, long delayNs) {
    send(refs[current], message, delayNs);
  }

  @Override
  public StreamRandom random() {
    StreamRandom r = randoms[current];
    if (r == null) {
      r = new StreamRandom(Seeds.streamSeed(rootSeed, ids[current]));
      randoms[current] = r;
    }
    return r;
  }

  @Override
  public Metrics metrics() {
    return metrics;
  }

  private IllegalArgumentException badDelay(ActorRef<?> target, Object message, long delayNs) {
    return new IllegalArgumentException("actor " + refs[current].path() + " sent "
        + describe(message) + " to " + target.path() + " with delay " + delayNs
        + " ns at time " + now + " ns: a delay must be >= 0 and stay within the clock's range");
  }

  private IllegalStateException belowLookahead(ActorRef<?> target, Object message, long delayNs) {
    return new IllegalStateException("actor " + refs[current].path() + " sent "
        + describe(message) + " to " + target.path() + " (another partition unit) with delay "
        + VirtualTime.format(delayNs) + ", below the lookahead " + VirtualTime.format(lookaheadNs)
        + ": messages that may cross partitions must take at least the lookahead");
  }

  private static String describe(Object message) {
    return message == null ? "null" : message.getClass().getSimpleName();
  }
}
