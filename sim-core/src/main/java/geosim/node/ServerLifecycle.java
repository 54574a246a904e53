package geosim.node;

import java.util.EnumMap;
import java.util.Map;

/**
 * Whether a server is up, and for how long it has been in each state:
 *
 * <pre>
 *   UP --crash--> CRASHED --restart--> BOOTING --(bootTimeNs later)--> UP
 *   BOOTING --crash--> CRASHED         any state but TERMINATED --terminate--> TERMINATED (final)
 * </pre>
 *
 * <p>A crash loses the server's volatile state (memory, queues, timers) but keeps its local disk;
 * termination, as of a cloud instance (EC2-style instance store), loses the disk too. The owner
 * does the discarding: this class only says what was lost. Each restart starts a new {@linkplain
 * #incarnation() incarnation}, so the owner can ignore timers and replies addressed to an older
 * one.
 *
 * <p>Booting ends by itself: the state at a time after {@code restart + bootTimeNs} is UP with no
 * call needed, so the owner's only timer is for its own work. Times are virtual nanoseconds and
 * must not go backwards across calls.
 *
 * <p>Example, boot time 2 min: up at 0, crash at 10 min, restart at 15 min, up again at 17 min;
 * at 20 min availability is 13 / 20 = 0.65.
 */
public final class ServerLifecycle {
  /**
   * Default boot time: 2 minutes. Assumption from seed 000 (EC2 in 2007–2008): "You can go from 1
   * to 20 [servers] ... in a couple of minutes."
   */
  public static final long BOOT_TIME_NS_DEFAULT = 120_000_000_000L;

  /** A server's state. */
  public enum State {
    /** Serving requests. */
    UP,
    /** Down; volatile state lost, local disk kept. */
    CRASHED,
    /** Restarting; not serving until the boot time has passed. */
    BOOTING,
    /** Gone for good, local disk included. */
    TERMINATED
  }

  private final long bootTimeNs;
  private final long createdNs;
  private final Map<State, Long> timeInStateNs = new EnumMap<>(State.class);
  private State state;
  private long sinceNs;
  private long upAtNs;
  private long incarnation;
  private long lastNs;

  private ServerLifecycle(State state, long nowNs, long bootTimeNs) {
    if (bootTimeNs < 0) throw new IllegalArgumentException("bootTimeNs must be >= 0, got " + bootTimeNs);
    if (nowNs < 0) throw new IllegalArgumentException("nowNs must be >= 0, got " + nowNs);
    this.bootTimeNs = bootTimeNs;
    this.createdNs = nowNs;
    this.state = state;
    this.sinceNs = nowNs;
    this.lastNs = nowNs;
    this.upAtNs = state == State.BOOTING ? plus(nowNs, bootTimeNs) : nowNs;
    for (State s : State.values()) timeInStateNs.put(s, 0L);
  }

  /**
   * A server that is up at {@code nowNs}.
   *
   * @param nowNs virtual time, >= 0
   * @param bootTimeNs how long a restart takes, ns, >= 0
   */
  public static ServerLifecycle upAt(long nowNs, long bootTimeNs) {
    return new ServerLifecycle(State.UP, nowNs, bootTimeNs);
  }

  /** A new server (e.g. a launched instance) that starts booting at {@code nowNs}. */
  public static ServerLifecycle bootingAt(long nowNs, long bootTimeNs) {
    return new ServerLifecycle(State.BOOTING, nowNs, bootTimeNs);
  }

  public long bootTimeNs() {
    return bootTimeNs;
  }

  /** Restarts so far: 0 until the first {@link #restart}. */
  public long incarnation() {
    return incarnation;
  }

  /** The state at {@code nowNs}. */
  public State state(long nowNs) {
    advanceTo(nowNs);
    return state;
  }

  /** Whether the server serves requests at {@code nowNs}: it is UP. */
  public boolean isServing(long nowNs) {
    return state(nowNs) == State.UP;
  }

  /** Whether the local disk still exists at {@code nowNs}: false once TERMINATED. */
  public boolean hasLocalDisk(long nowNs) {
    return state(nowNs) != State.TERMINATED;
  }

  /** Crashes an UP or BOOTING server: its volatile state is lost. */
  public void crash(long nowNs) {
    advanceTo(nowNs);
    if (state != State.UP && state != State.BOOTING) throw illegal("crash", nowNs, "UP or BOOTING");
    enter(State.CRASHED, nowNs);
  }

  /**
   * Restarts a CRASHED server: it boots and serves again at the returned time.
   *
   * @return {@code nowNs + bootTimeNs}, when the server is UP again
   */
  public long restart(long nowNs) {
    advanceTo(nowNs);
    if (state != State.CRASHED) throw illegal("restart", nowNs, "CRASHED");
    upAtNs = plus(nowNs, bootTimeNs);
    enter(State.BOOTING, nowNs);
    incarnation++;
    return upAtNs;
  }

  /** Terminates the server for good, losing its local disk; any state but TERMINATED. */
  public void terminate(long nowNs) {
    advanceTo(nowNs);
    if (state == State.TERMINATED) throw illegal("terminate", nowNs, "not TERMINATED");
    enter(State.TERMINATED, nowNs);
  }

  /** Nanoseconds spent in {@code s} from creation until {@code nowNs}. */
  public long timeInStateNs(State s, long nowNs) {
    advanceTo(nowNs);
    long current = s == state ? nowNs - sinceNs : 0;
    return timeInStateNs.get(s) + current;
  }

  /**
   * UP time / time since creation, in [0, 1].
   *
   * @param nowNs > the creation time
   */
  public double availability(long nowNs) {
    advanceTo(nowNs);
    if (nowNs == createdNs) {
      throw new IllegalArgumentException("availability needs nowNs > the creation time " + createdNs);
    }
    return (double) timeInStateNs(State.UP, nowNs) / (nowNs - createdNs);
  }

  private void advanceTo(long nowNs) {
    if (nowNs < lastNs) {
      throw new IllegalArgumentException("time must not go backwards: last " + lastNs + " ns, got " + nowNs);
    }
    lastNs = nowNs;
    if (state == State.BOOTING && nowNs >= upAtNs) enter(State.UP, upAtNs);
  }

  private void enter(State next, long atNs) {
    timeInStateNs.merge(state, atNs - sinceNs, Long::sum);
    state = next;
    sinceNs = atNs;
  }

  private IllegalStateException illegal(String transition, long nowNs, String expected) {
    return new IllegalStateException("cannot " + transition + " at " + nowNs + " ns: the server is "
        + state + " since " + sinceNs + " ns, expected " + expected);
  }

  private static long plus(long aNs, long bNs) {
    long sum = aNs + bNs;
    if (sum < aNs) throw new IllegalArgumentException("boot end overflows the clock: " + aNs + " + " + bNs);
    return sum;
  }
}
