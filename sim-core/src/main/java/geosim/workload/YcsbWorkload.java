package geosim.workload;

/**
 * YCSB's core workloads A to F as presets: their operation mixes and request distributions, from
 * the workload files shipped with YCSB (workloads/workloada ... workloadf) and Table 2 of B. F.
 * Cooper et al., "Benchmarking Cloud Serving Systems with YCSB", SoCC 2010.
 */
public enum YcsbWorkload {
  /** Update heavy: 50% reads, 50% updates, zipfian (a session store recording recent actions). */
  A(new OperationMix(0.5, 0.5, 0, 0, 0, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.ZIPFIAN),
  /** Read mostly: 95% reads, 5% updates, zipfian (photo tagging). */
  B(new OperationMix(0.95, 0.05, 0, 0, 0, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.ZIPFIAN),
  /** Read only, zipfian (a user profile cache). */
  C(new OperationMix(1, 0, 0, 0, 0, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.ZIPFIAN),
  /** Read latest: 95% reads, 5% inserts, latest (user status updates). */
  D(new OperationMix(0.95, 0, 0.05, 0, 0, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.LATEST),
  /** Short ranges: 95% scans of up to 100 keys, 5% inserts, zipfian (threaded conversations). */
  E(new OperationMix(0, 0, 0.05, 0.95, 0, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.ZIPFIAN),
  /** Read-modify-write: 50% reads, 50% read-modify-writes, zipfian (a user database). */
  F(new OperationMix(0.5, 0, 0, 0, 0.5, OperationMix.YCSB_SCAN_LENGTH_MAX), Popularity.ZIPFIAN);

  /** The request distributions the presets use. */
  public enum Popularity { ZIPFIAN, LATEST }

  private final OperationMix mix;
  private final Popularity popularity;

  YcsbWorkload(OperationMix mix, Popularity popularity) {
    this.mix = mix;
    this.popularity = popularity;
  }

  public OperationMix mix() {
    return mix;
  }

  /** The preset's key chooser over {@code keys} keys, with YCSB's zipfian constant. */
  public KeyChooser keys(long keys) {
    return popularity == Popularity.LATEST
        ? new KeyChooser.Latest(keys, KeyChooser.YCSB_THETA)
        : new KeyChooser.Zipfian(keys, KeyChooser.YCSB_THETA);
  }
}
