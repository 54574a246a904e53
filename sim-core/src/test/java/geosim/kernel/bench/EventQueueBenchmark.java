package geosim.kernel.bench;

import geosim.kernel.EventQueue;
import geosim.kernel.StreamRandom;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The "hold" benchmark of priority queues [1]: a queue of {@code size} pending events; each
 * operation takes the earliest and schedules a new one an exponential time later, so the size
 * stays constant. Compares the kernel's {@link EventQueue} with {@link PriorityQueue} of event
 * objects (one allocation per event), the usual Java baseline.
 *
 * <p>[1] Jones: An empirical comparison of priority-queue and event-set implementations, CACM
 * 29(4), 1986.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EventQueueBenchmark {
  @Param({"1000", "10000", "100000"})
  int size;

  private EventQueue queue;
  private PriorityQueue<Event> baseline;
  private StreamRandom random;
  private long seq;

  private record Event(long time, long source, long seq, int target) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      if (time != o.time) return Long.compare(time, o.time);
      if (source != o.source) return Long.compare(source, o.source);
      return Long.compare(seq, o.seq);
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    random = new StreamRandom(1);
    queue = new EventQueue(size);
    baseline = new PriorityQueue<>(size);
    for (int i = 0; i < size; i++) {
      long t = next(0);
      queue.add(t, i % 64, seq, i, null);
      baseline.add(new Event(t, i % 64, seq++, i));
    }
  }

  private long next(long now) {
    return now + 1 + (long) random.exponential(1_000_000_000.0);
  }

  @Benchmark
  public long eventQueueHold() {
    queue.poll();
    long now = queue.headTime();
    queue.add(next(now), queue.headTarget() % 64, seq++, queue.headTarget(), null);
    return now;
  }

  @Benchmark
  public long priorityQueueHold() {
    Event e = baseline.poll();
    baseline.add(new Event(next(e.time()), e.target() % 64, seq++, e.target()));
    return e.time();
  }
}
