package geosim.faults;

import java.util.Locale;

/**
 * The kinds of scheduled fault, by their names in a scenario's {@code faults} block, with what
 * each names ({@link Place}) and what it does: take servers down, cut links, change how a store
 * server behaves, or load links with background traffic.
 */
public enum FaultKind {
  /** A store server stops at once and restarts after the fault's duration. */
  SERVER_CRASH(Place.SERVER, Effect.DOWN),
  /** A store server is restarted: a crash whose duration is the restart time (short by default). */
  SERVER_RESTART(Place.SERVER, Effect.DOWN),
  /** A store server stops for good (a terminated cloud instance); no duration. */
  SERVER_TERMINATE(Place.SERVER, Effect.DOWN),
  /**
   * A store server's disk fails: the server stops and everything on its disk (cells, the hints it
   * kept for peers) is lost; after the fault's duration (the disk replaced) it restarts empty, and
   * its peers replay the hints they kept for it.
   */
  DISK_FAILURE(Place.SERVER, Effect.DOWN),
  /** Every server of a rack loses power: all crash, and restart when it comes back. */
  RACK_POWER(Place.RACK, Effect.DOWN),
  /** Every server of a region is down and the region's WAN links are cut. */
  REGION_OUTAGE(Place.REGION, Effect.DOWN),
  /** Every link between two regions is cut for the fault's duration. */
  REGION_PARTITION(Place.BETWEEN, Effect.CUT),
  /**
   * Frames between two sets of regions, data centers, racks or servers are lost, both ways, as
   * iptables rules on each end would drop them; traffic to anything outside both sets goes on.
   */
  PARTITION(Place.SIDES, Effect.FILTER),
  /** A switch (ToR, aggregation, core or WAN router) dies: every link to it is cut. */
  SWITCH_FAILURE(Place.SWITCH, Effect.CUT),
  /** The cable(s) joining two elements directly are cut, both ways. */
  LINK_CUT(Place.BETWEEN, Effect.CUT),
  /** The link(s) joining two elements directly take longer, lose frames or carry less, both ways. */
  LINK_DEGRADATION(Place.BETWEEN, Effect.DEGRADE),
  /** A store server's disk serves every request {@code factor} times slower. */
  SLOW_DISK(Place.SERVER, Effect.SERVER_STATE),
  /** A store server's clock jumps by {@code by} (may be negative); instantaneous. */
  CLOCK_JUMP(Place.SERVER, Effect.SERVER_STATE),
  /** A store server keeps gossiping but answers no replica request (reads, writes). */
  GRAY_FAILURE(Place.SERVER, Effect.SERVER_STATE),
  /** A friendly-fire storm: fluid background traffic at {@code rate} between two servers or ToR switches. */
  STORM(Place.BETWEEN, Effect.TRAFFIC);

  /** What the fault names. */
  public enum Place {
    /** {@code target}: a server's path. */
    SERVER,
    /** {@code target}: a rack's path, region/datacenter/rack. */
    RACK,
    /** {@code target}: a region. */
    REGION,
    /** {@code target}: a switch's path (…/rack-1/tor, …/agg-1, …/core-1, region/wan). */
    SWITCH,
    /** {@code between}: two elements. */
    BETWEEN,
    /** {@code sides}: two lists of elements (regions, data centers, racks, servers). */
    SIDES
  }

  /** What the fault does. */
  public enum Effect {
    /** Servers stop (and maybe restart). */
    DOWN,
    /** Links are cut. */
    CUT,
    /** Links add latency, lose frames or lose bandwidth. */
    DEGRADE,
    /** A store server's disk, clock or answers change. */
    SERVER_STATE,
    /** Background traffic loads links. */
    TRAFFIC,
    /** Frames between two sets of servers are lost at their sender. */
    FILTER
  }

  private final Place place;
  private final Effect effect;

  FaultKind(Place place, Effect effect) {
    this.place = place;
    this.effect = effect;
  }

  public Place place() {
    return place;
  }

  public Effect effect() {
    return effect;
  }

  /** Whether it changes the network's link schedule (cuts, degradations, background traffic). */
  public boolean changesLinks() {
    return effect == Effect.CUT || effect == Effect.DEGRADE || effect == Effect.TRAFFIC || this == REGION_OUTAGE;
  }

  /** Whether it changes what the network does: its link schedule, or which frames it filters. */
  public boolean changesNetwork() {
    return changesLinks() || effect == Effect.FILTER;
  }

  /** Whether only the store's servers can suffer it (they are the only ones that crash or have state). */
  public boolean needsStore() {
    return effect == Effect.DOWN || effect == Effect.SERVER_STATE;
  }

  /** Whether the servers it takes down lose their disk's contents (a terminated instance, a failed disk). */
  public boolean losesDisk() {
    return this == SERVER_TERMINATE || this == DISK_FAILURE;
  }

  /** Whether it lasts: false for the instantaneous clock jump and the never-ending terminate. */
  public boolean hasDuration() {
    return this != CLOCK_JUMP && this != SERVER_TERMINATE;
  }

  /** The name in a scenario: {@code server-crash}, {@code region-partition}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind named {@code text} in a scenario.
   *
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static FaultKind fromConfig(String text) {
    for (FaultKind kind : values()) {
      if (kind.configName().equals(text)) return kind;
    }
    StringBuilder names = new StringBuilder();
    for (FaultKind kind : values()) names.append(names.length() == 0 ? "" : "|").append(kind.configName());
    throw new IllegalArgumentException("expected one of " + names + ", got '" + text + "'");
  }
}
