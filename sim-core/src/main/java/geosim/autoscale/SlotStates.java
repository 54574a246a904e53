package geosim.autoscale;

import geosim.kernel.Counter;

/**
 * The slots of one {@link RoleAutoscaler}: each slot's state, its last CPU samples, and the
 * integrals of instances held (launching, joining, in service, releasing: billed) and in service
 * over time. Private to one actor.
 */
final class SlotStates {
  static final byte OFF = 0;
  static final byte LAUNCHING = 1;
  static final byte JOINING = 2;
  static final byte IN_SERVICE = 3;
  static final byte RELEASING = 4;

  private final byte[] state;
  private final long[] launchedAtNs;
  private final long[] busyNs;
  private final long[] sampledAtNs;
  private final double[] utilization; // over the last two samples, NaN until there are two
  private Counter instancesNs;
  private Counter inServiceNs;
  private Counter peak;
  private long flushedAtNs;

  SlotStates(int slots, int initial) {
    state = new byte[slots];
    launchedAtNs = new long[slots];
    busyNs = new long[slots];
    sampledAtNs = new long[slots];
    utilization = new double[slots];
    java.util.Arrays.fill(utilization, Double.NaN);
    java.util.Arrays.fill(sampledAtNs, -1);
    for (int s = 0; s < initial; s++) {
      state[s] = IN_SERVICE;
      sampledAtNs[s] = 0; // busy 0 at the start of the run
    }
  }

  void start(Counter instancesNs, Counter inServiceNs, Counter peak) {
    this.instancesNs = instancesNs;
    this.inServiceNs = inServiceNs;
    this.peak = peak;
    notePeak();
  }

  byte state(int s) {
    return state[s];
  }

  long launchedAtNs(int s) {
    return launchedAtNs[s];
  }

  /** Slot {@code s} is launched at {@code nowNs}. */
  void launch(int s, long nowNs) {
    launchedAtNs[s] = nowNs;
    set(s, LAUNCHING, nowNs);
  }

  /** Slot {@code s} is in {@code newState} from {@code nowNs}; its samples start afresh in service. */
  void set(int s, byte newState, long nowNs) {
    flush(nowNs);
    state[s] = newState;
    sampledAtNs[s] = -1;
    utilization[s] = Double.NaN;
    notePeak();
  }

  /** Slot {@code s} had {@code busyCoreNs} of CPU time at {@code atNs}. */
  void sample(int s, long atNs, long busyCoreNs, int cores) {
    if (sampledAtNs[s] >= 0 && atNs > sampledAtNs[s]) {
      utilization[s] = Math.min(1, (busyCoreNs - busyNs[s]) / ((double) cores * (atNs - sampledAtNs[s])));
    }
    busyNs[s] = busyCoreNs;
    sampledAtNs[s] = atNs;
  }

  /** The mean CPU utilization of the slots in service with a measurement, or NaN when none has one. */
  double meanUtilization() {
    double sum = 0;
    int n = 0;
    for (int s = 0; s < state.length; s++) {
      if (state[s] != IN_SERVICE || Double.isNaN(utilization[s])) continue;
      sum += utilization[s];
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  int count(byte which) {
    int n = 0;
    for (byte b : state) {
      if (b == which) n++;
    }
    return n;
  }

  /** Slots launched and not yet in service. */
  int launching() {
    return count(LAUNCHING) + count(JOINING);
  }

  /** Whether a slot is being launched, joining or released. */
  boolean changing() {
    return launching() + count(RELEASING) > 0;
  }

  int held() {
    return state.length - count(OFF);
  }

  /** Adds the instances held and in service since the last flush to their integrals. */
  void flush(long nowNs) {
    if (nowNs <= flushedAtNs) return;
    instancesNs.add((long) held() * (nowNs - flushedAtNs));
    inServiceNs.add((long) count(IN_SERVICE) * (nowNs - flushedAtNs));
    flushedAtNs = nowNs;
  }

  private void notePeak() {
    if (peak != null && held() > peak.value()) peak.add(held() - peak.value());
  }
}
