package geosim.faults;

import geosim.kernel.StreamRandom;
import geosim.topology.Placement;
import geosim.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Random faults of every element of one kind, expanded before the run into scheduled faults, so a
 * plan with random faults is as deterministic (and as independent of the partitioning) as a
 * scheduled one. Each element alternates up and down: up for an exponential time of mean {@code
 * mtbfNs}, then down for an exponential time of mean {@code mttrNs} (at least 1 ns), from the start
 * of the run to its end. Simplification: exponential (memoryless) times; Schroeder and Gibson [1]
 * found disk replacement times to be better fit by Weibull and gamma distributions, with
 * decreasing hazard rates.
 *
 * <p>Defaults ({@link Element#defaultMtbfNs}, {@link Element#defaultMttrNs}): see docs/model.md,
 * section "Faults". [2] J. Dean, "Designs, Lessons and Advice from Building Large Distributed
 * Systems", LADIS 2009 keynote: in a typical first year of a new cluster, ~1000 individual machine
 * failures and ~20 rack failures (40-80 machines instantly disappear, 1-6 hours to get back).
 *
 * <p>[1] B. Schroeder, G. Gibson, "Disk failures in the real world: What does an MTTF of 1,000,000
 * hours mean to you?", FAST 2007.
 *
 * @param element which elements fail
 * @param mtbfNs mean time between failures of each element, ns, > 0
 * @param mttrNs mean time to repair, ns, > 0
 */
public record RandomFaults(Element element, long mtbfNs, long mttrNs) {
  private static final long HOUR_NS = 3_600_000_000_000L;
  private static final long DAY_NS = 24 * HOUR_NS;

  /** The kinds of element that fail at random, and the scheduled fault each failure becomes. */
  public enum Element {
    /** A store server crashes and restarts. */
    SERVER(FaultKind.SERVER_CRASH, 730 * DAY_NS, HOUR_NS),
    /** A server's disk fails: the server stops, loses its data and restarts empty once the disk is replaced. */
    DISK(FaultKind.DISK_FAILURE, 12_000 * DAY_NS, DAY_NS),
    /** A rack loses power: all its servers crash and restart. */
    RACK(FaultKind.RACK_POWER, 730 * DAY_NS, 3 * HOUR_NS + HOUR_NS / 2),
    /** A rack's top-of-rack switch fails: the rack is cut off. */
    TOR_SWITCH(FaultKind.SWITCH_FAILURE, 7_300 * DAY_NS, HOUR_NS);

    private final FaultKind kind;
    private final long defaultMtbfNs;
    private final long defaultMttrNs;

    Element(FaultKind kind, long defaultMtbfNs, long defaultMttrNs) {
      this.kind = kind;
      this.defaultMtbfNs = defaultMtbfNs;
      this.defaultMttrNs = defaultMttrNs;
    }

    /** The scheduled fault a failure of this element becomes. */
    public FaultKind kind() {
      return kind;
    }

    /**
     * Default MTBF, ns. Server and rack: 730 days, from [2] with an assumed cluster of 2,000
     * machines in 40 racks (2,000 / 1,000 failures a year = 2 years; 40 racks / 20 a year = 2
     * years). Disk: 12,000 days (an annual failure rate of about 3 %), the middle of the 2-4 %
     * annual replacement rates Schroeder and Gibson [1] found typical (Pinheiro et al., FAST 2007:
     * 1.7-8.6 % by age), one disk per server. ToR switch: 20 years, an assumption.
     */
    public long defaultMtbfNs() {
      return defaultMtbfNs;
    }

    /**
     * Default MTTR, ns. Rack: 3.5 h, the middle of [2]'s 1-6 hours. Server and ToR: 1 h, an
     * assumption. Disk: 1 day to replace the disk and bring the server back (empty), an assumption.
     */
    public long defaultMttrNs() {
      return defaultMttrNs;
    }

    /** The name in a scenario: {@code server}, {@code disk}, {@code rack}, {@code tor-switch}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The element named {@code text}; throws naming the elements there are. */
    public static Element fromConfig(String text) {
      for (Element e : values()) {
        if (e.configName().equals(text)) return e;
      }
      throw new IllegalArgumentException("expected one of server|disk|rack|tor-switch, got '" + text + "'");
    }
  }

  public RandomFaults {
    Objects.requireNonNull(element, "element");
    if (mtbfNs <= 0) throw new IllegalArgumentException("mtbfNs must be > 0, got " + mtbfNs);
    if (mttrNs <= 0) throw new IllegalArgumentException("mttrNs must be > 0, got " + mttrNs);
  }

  /**
   * The failures of every element of {@link #element} in {@code topology} within {@code [0,
   * durationNs)}, element by element in topology order, drawing from {@code random}.
   */
  public List<FaultSpec> expand(Topology topology, long durationNs, StreamRandom random) {
    List<FaultSpec> faults = new ArrayList<>();
    for (String target : targets(topology)) {
      double t = random.exponential(mtbfNs);
      while (t < durationNs) {
        long at = (long) t;
        long repairNs = Math.max(1, (long) random.exponential(mttrNs));
        long end = at > Long.MAX_VALUE - repairNs ? Long.MAX_VALUE : at + repairNs;
        faults.add(new FaultSpec(element.kind(), at, end, target, null));
        t = end + random.exponential(mtbfNs);
      }
    }
    return faults;
  }

  private List<String> targets(Topology topology) {
    Set<String> targets = new LinkedHashSet<>();
    for (Placement p : topology.servers()) {
      switch (element) {
        case SERVER, DISK -> targets.add(p.path());
        case RACK -> targets.add(p.region().name() + "/" + p.dataCenter().name() + "/" + p.rack().name());
        case TOR_SWITCH -> targets.add(p.torSwitchPath());
      }
    }
    return new ArrayList<>(targets);
  }
}
