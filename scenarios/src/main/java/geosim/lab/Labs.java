package geosim.lab;

import static geosim.lab.LabResults.firstCrossing;
import static geosim.lab.LabResults.interpolate;
import static geosim.lab.LabResults.slope;
import static geosim.lab.LabResults.value;

import geosim.elastic.AutoscalingPolicy;
import geosim.store.gossip.FailureDetector;
import geosim.store.ring.PlacementStrategy;
import geosim.sweep.SweepPoint;
import geosim.sweep.Variation;
import java.util.List;
import java.util.Optional;

/** The labs that come with geosim. docs/labs/README.md lists them for students. */
public final class Labs {
  private Labs() {}

  static final String UTILIZATION = "utilization.serverCpuMean";
  static final String P99_MS = "operations.request.latencyMs.p99";
  static final String DETECTION_S = "failureDetection.meanDetectionSeconds";
  static final String FALSE_CONVICTIONS = "failureDetection.falseConvictions";
  static final String STALE_RATE = "consistency.staleReadRate";

  /** Every lab, by number. */
  public static final List<Lab> ALL = List.of(queueing(), consistency(), failureDetection(), friendlyFire(), launchDay(), geoDistribution());

  /** The numbers of the labs with an extension point, e.g. {@code [3]}. */
  public static List<Integer> withExtensions() {
    return ALL.stream().filter(l -> l.extension() != null).map(Lab::number).toList();
  }

  public static Optional<Lab> byNumber(int number) {
    return ALL.stream().filter(l -> l.number() == number).findFirst();
  }

  /**
   * Lab 1: M/M/1 under rising load. The knee is where p99 reaches five times its value at the
   * lightest load; for M/M/1 the response time is exponential with mean S / (1 - rho), so p99 =
   * ln(100) S / (1 - rho) and the knee lies at rho = 1 - 0.9 / 5 = 0.82 when the lightest load is
   * rho = 0.1 (Kleinrock, Queueing Systems vol. 1, 1975, section 3.2; Harchol-Balter, Performance
   * Modeling and Design of Computer Systems, 2013, chapter 14).
   */
  static Lab queueing() {
    String rate = "queue.arrival-rate";
    return new Lab(1, "queueing", "Latency and queueing: utilization against p99, where the knee is",
        List.of(new Variation(rate, List.of("10", "20", "30", "40", "50", "60", "70", "75", "80", "85", "90", "95"))),
        3, List.of("queue.duration=15m"), 2, List.of(UTILIZATION, P99_MS),
        List.of(
            new Finding("knee-utilization",
                "the utilization at which p99 reaches 5 times its value at the lightest load", "",
                r -> firstCrossing(column(r, UTILIZATION), column(r, P99_MS), 5 * column(r, P99_MS)[0]),
                0.7, 0.9, 0.05, false,
                "read p99 at the lightest load, multiply by 5, and find where the p99 curve crosses that line"),
            new Finding("p99-ms-at-0.9", "p99 of the response time at utilization 0.9", "ms",
                r -> interpolate(column(r, UTILIZATION), column(r, P99_MS), 0.9),
                380, 620, 0.15, true,
                "take the point nearest utilization 0.9 on the p99 curve (not the mean)")));
  }

  /**
   * Lab 2: partial quorums. With R + W > N every read quorum meets every write quorum, so no read
   * that starts after the acknowledgement is stale; with R + W <= N a read can miss the write
   * until it has reached enough replicas (Bailis et al., "Probabilistically Bounded Staleness for
   * Practical Partial Quorums", VLDB 2012: the WARS model, whose Monte Carlo the pbs validation
   * matches within 0.02).
   */
  static Lab consistency() {
    String r = "pbs.r";
    String w = "pbs.w";
    String t = "pbs.read-delay";
    return new Lab(2, "consistency", "Replication and consistency levels: R + W > N and partial-quorum staleness",
        List.of(new Variation(r, List.of("1", "2")), new Variation(w, List.of("1", "2")),
            new Variation(t, List.of("0ms", "1ms", "2ms", "3ms", "5ms", "10ms"))),
        2, List.of("duration=1m"), 1, List.of(STALE_RATE),
        List.of(
            new Finding("stale-rate-r1-w1-at-0ms", "the share of stale reads with R = W = 1, read at once", "",
                res -> res.mean(res.where(r, "1", w, "1", t, "0ms").get(0), STALE_RATE),
                0.15, 0.35, 0.03, false,
                "consistency.staleReadRate at pbs.r = 1, pbs.w = 1, read-delay 0ms"),
            new Finding("worst-stale-rate-r2-w2", "the highest share of stale reads with R = W = 2, at any t", "",
                res -> max(column(res, STALE_RATE, res.where(r, "2", w, "2"))),
                0, 0, 0, false,
                "with R + W > N every read quorum overlaps every write quorum"),
            new Finding("ms-to-99-percent-consistent-r1-w1",
                "how long after the write a read with R = W = 1 is consistent with probability 0.99", "ms",
                res -> {
                  List<SweepPoint> points = res.where(r, "1", w, "1");
                  double[] stale = column(res, STALE_RATE, points);
                  double[] consistent = new double[stale.length];
                  for (int i = 0; i < stale.length; i++) consistent[i] = 1 - stale[i];
                  return firstCrossing(column(res, t, points), consistent, 0.99);
                },
                2, 5, 0.20, true,
                "find the two read delays around a stale share of 0.01 and interpolate")));
  }

  /**
   * Lab 3: phi-accrual detection. Under exponential inter-arrivals phi = t / (m ln 10), so a node
   * is convicted t = phi m ln 10 after its last news: detection grows by m ln 10 (about 2.5 s at a
   * 1.1 s mean interval) per unit of threshold (Hayashibara et al., "The phi accrual failure
   * detector", SRDS 2004; Cassandra's exponential variant). The seed: PHI = 5 detects a failure
   * in 10 to 15 seconds.
   */
  static Lab failureDetection() {
    String phi = "fd.phi-threshold";
    return new Lab(3, "failure-detection", "Failure detection: the phi threshold, detection time and false suspicions",
        List.of(new Variation(phi, List.of("1", "2", "3", "4", "5", "6", "8", "10", "12"))),
        3, List.of(), 1, List.of(DETECTION_S, FALSE_CONVICTIONS),
        List.of(
            new Finding("detection-seconds-at-phi-5", "mean time from the crash to a conviction at phi = 5", "s",
                r -> r.mean(r.where(phi, "5").get(0), DETECTION_S),
                10, 15, 0.10, true,
                "use failureDetection.meanDetectionSeconds at phi-threshold 5"),
            new Finding("seconds-per-phi", "how much longer detection takes per unit of threshold", "s",
                r -> slope(column(r, phi), column(r, DETECTION_S)),
                2.0, 3.2, 0.10, true,
                "fit a straight line through detection time against the threshold; its slope"),
            new Finding("lowest-phi-without-false-suspicions",
                "the lowest threshold of the sweep at which no live node was ever convicted", "",
                Labs::lowestPhiWithoutFalseConvictions,
                1.5, 8, 0, false,
                "look at failureDetection.falseConvictions: the first threshold from which it stays 0")))
        .withExtension(new Extension("fd.detector-class", FailureDetector.class));
  }

  /**
   * Lab 4: a post-mortem of a friendly-fire storm (seed 001: SourceForge's switch pair flooding
   * each other at about 40 Gbit/s). The run hides the cause; the student dates it from the
   * timeline of link utilization, failed operations and false suspicions, counts the racks whose
   * uplinks saturate, and estimates the rate the uplinks carried. Every number comes from the run's
   * own snapshots ({@link Timeline}).
   */
  static Lab friendlyFire() {
    return new Lab(4, "friendly-fire", "Friendly-fire post-mortem: find the cause of an outage from the metrics alone",
        List.of(), 1, List.of(), 1,
        List.of(first(SATURATION), first(FAILURES), first(FALSE_SUSPICIONS), last(FAILURES), "availability"),
        List.of(
            timeFinding("uplinks-saturated-from-seconds", SATURATION, true,
                "the first time in timeseries.csv at which a top-of-rack uplink is saturated", 40, 50,
                "scope tor-agg, link.utilization.max: the first time it is at about 1"),
            timeFinding("failures-from-seconds", FAILURES, true,
                "the first time in timeseries.csv at which reads fail", 40, 60,
                "scope read, store.failed.perSecond: the first time it is above 0"),
            timeFinding("false-suspicions-from-seconds", FALSE_SUSPICIONS, true,
                "the first time in timeseries.csv at which the failure detector convicts a live node", 40, 85,
                "scope fd, store.false-suspicions.perSecond: the first time it is above 0"),
            timeFinding("failures-until-seconds", FAILURES, false,
                "the last time in timeseries.csv at which reads fail", 85, 100,
                "scope read, store.failed.perSecond: the last time it is above 0"),
            new Finding("racks-flooded", "how many racks' uplinks were saturated", "",
                r -> r.mean(r.points().get(0), peak(UPLINK_MEAN)) * r.mean(r.points().get(0), peak(UPLINK_COUNT)) / 2,
                1.5, 2.5, 0.5, false,
                "tor-agg's link.utilization.mean during the incident times its .count is the number of saturated "
                    + "uplinks; each rack has one each way"),
            new Finding("storm-gbps", "how many Gbit/s the flood pushed through each saturated uplink", "Gbit/s",
                r -> r.meanOver(r.points().get(0), "network.backgroundFlows.", ".meanGbps"),
                5, 40, 0.5, true,
                "a saturated uplink carries its capacity: servers per rack x NIC speed / oversubscription")),
        List.of(new Watch(SATURATION, "tor-agg", "link.utilization.max", 0.9),
            new Watch(FAILURES, "read", "store.failed.perSecond", 0.1),
            new Watch(FALSE_SUSPICIONS, "fd", "store.false-suspicions.perSecond", 0.1),
            new Watch(UPLINK_MEAN, "tor-agg", "link.utilization.mean", Double.POSITIVE_INFINITY),
            new Watch(UPLINK_COUNT, "tor-agg", "link.utilization.count", Double.POSITIVE_INFINITY)));
  }

  static final String POLICY = "fleet.autoscaler.policy";
  static final String MMO_SERVERS = "vars.mmo-servers";
  static final String MMO = "fleet.regions.mmo.";
  static final String ANIMOTO = "fleet.regions.animoto.";

  /**
   * Lab 5: capacity planning for a launch, fixed against elastic (seed 001: an MMO's day-one half
   * of its subscribers; Animoto's 50 to 5,000 instances). The sweep runs the fleet model with no
   * autoscaler and with target tracking, over the MMO's planned fleet size; the findings are the
   * fixed fleet that meets the p99 goal (interpolated where the day's p99 falls to the target), its
   * cost per million requests, the elastic fleet's cost relative to it, and how Animoto's fixed
   * fleet fails while the elastic one grows (Hamilton's "work done per dollar").
   */
  static Lab launchDay() {
    return new Lab(5, "launch-day", "Launch-day capacity planning: MMO and Animoto, fixed against elastic, cost per request",
        List.of(new Variation(POLICY, List.of("none", "target-tracking")),
            new Variation(MMO_SERVERS, List.of("180", "200", "220", "260"))),
        1, List.of(), 1,
        List.of(MMO + "p99Ms", MMO + "instanceHours", MMO + "ok", ANIMOTO + "instancesPeak", ANIMOTO + "ok", ANIMOTO + "failed"),
        List.of(
            new Finding("fixed-servers-for-p99-1s",
                "the fixed MMO fleet at which the day's p99 falls to the 1 s goal, interpolated between sizes", "servers",
                Labs::fixedServersForGoal, 200, 280, 0.05, true,
                "with policy none, find the two sizes around fleet.regions.mmo.p99Ms = 1000 and interpolate"),
            new Finding("fixed-usd-per-million-requests",
                "the MMO's cost per million served requests with the smallest fixed fleet of the sweep that meets the goal",
                "USD", r -> usdPerMillion(r, smallestFixedMeetingGoal(r)), 0.5, 10, 0.10, true,
                "instance-hours x price per instance-hour (cost.usd / cost.instanceHours) / ok x 1,000,000"),
            new Finding("elastic-to-fixed-cost-ratio",
                "the elastic MMO fleet's cost per million requests divided by that fixed fleet's", "",
                r -> {
                  SweepPoint fixed = smallestFixedMeetingGoal(r);
                  SweepPoint elastic = r.where(POLICY, "target-tracking", MMO_SERVERS, fixed.values().get(1)).get(0);
                  return usdPerMillion(r, elastic) / usdPerMillion(r, fixed);
                },
                0.3, 0.95, 0.10, true,
                "the same division for policy target-tracking at the same starting size, over the fixed one"),
            new Finding("animoto-peak-servers", "the most servers the elastic Animoto fleet ran", "servers",
                r -> r.mean(r.where(POLICY, "target-tracking").get(0), ANIMOTO + "instancesPeak"),
                1250, 2500, 0.10, true,
                "fleet.regions.animoto.instancesPeak with policy target-tracking"),
            new Finding("animoto-fixed-served-share", "the share of Animoto's requests its fixed 25 servers served", "",
                r -> {
                  SweepPoint p = r.where(POLICY, "none").get(0);
                  double ok = r.mean(p, ANIMOTO + "ok");
                  return ok / (ok + r.mean(p, ANIMOTO + "failed"));
                },
                0, 0.5, 0.03, false,
                "ok / (ok + failed) of fleet.regions.animoto with policy none")))
        .withExtension(new Extension("fleet.autoscaler.class", AutoscalingPolicy.class));
  }

  private static double fixedServersForGoal(LabResults r) {
    List<SweepPoint> fixed = r.where(POLICY, "none");
    double[] p99 = column(r, MMO + "p99Ms", fixed);
    double[] fallen = new double[p99.length];
    double goal = r.mean(fixed.get(0), "fleet.latencyTargetMs");
    for (int i = 0; i < p99.length; i++) fallen[i] = -p99[i];
    return firstCrossing(column(r, MMO_SERVERS, fixed), fallen, -goal);
  }

  /** The smallest fixed fleet of the sweep whose day's p99 meets the goal. */
  private static SweepPoint smallestFixedMeetingGoal(LabResults r) {
    for (SweepPoint p : r.where(POLICY, "none")) {
      if (r.mean(p, MMO + "p99Ms") <= r.mean(p, "fleet.latencyTargetMs")) return p;
    }
    throw new IllegalStateException("no fixed MMO fleet of lab 5's sweep meets the p99 goal");
  }

  /** The MMO fleet's cost per million served requests at {@code p}: its instance-hours at the run's price. */
  private static double usdPerMillion(LabResults r, SweepPoint p) {
    double usdPerInstanceHour = r.mean(p, "cost.usd") / r.mean(p, "cost.instanceHours");
    return r.mean(p, MMO + "instanceHours") * usdPerInstanceHour / r.mean(p, MMO + "ok") * 1e6;
  }

  static final String CONSISTENCY = "vars.consistency";
  static final String WRITE_P50_MS = "operations.write.latencyMsByRegion.%s.p50";

  /**
   * Lab 6: consistency levels across regions (Cassandra's NetworkTopologyStrategy with three
   * copies per region; DataStax, "How is the consistency level configured?"). LOCAL_QUORUM waits
   * for the coordinator's own region only, QUORUM for five of nine copies (the local three and the
   * nearest region's two: one round trip to it), EACH_QUORUM for every region (the farthest
   * region's round trip); a region outage leaves LOCAL_QUORUM serving and EACH_QUORUM failing.
   * The extension point is the replica placement ({@code store.placement-class}): a placement that
   * keeps each region's three copies in the region passes; one blind to regions (the next nine
   * nodes clockwise) leaves some keys with fewer than two copies in a region, and LOCAL_QUORUM
   * fails for them. Latencies from the inter-region RTTs of configs/topologies/three-regions.conf.
   */
  static Lab geoDistribution() {
    return new Lab(6, "geo-distribution", "Geo-distribution: LOCAL_QUORUM, QUORUM and EACH_QUORUM across regions, a region outage",
        List.of(new Variation(CONSISTENCY, List.of("LOCAL_QUORUM", "QUORUM", "EACH_QUORUM"))),
        1, List.of(), 1,
        List.of(String.format(WRITE_P50_MS, "us-east"), String.format(WRITE_P50_MS, "us-west"), "availability"),
        List.of(
            writeP50("local-quorum-write-p50-ms", "LOCAL_QUORUM", "us-east", 0.1, 5, 0.25),
            writeP50("quorum-write-p50-ms", "QUORUM", "us-east", 70, 90, 0.05),
            writeP50("each-quorum-write-p50-ms", "EACH_QUORUM", "us-east", 78, 100, 0.05),
            writeP50("each-quorum-write-p50-ms-us-west", "EACH_QUORUM", "us-west", 145, 175, 0.05),
            availability("local-quorum-availability", "LOCAL_QUORUM", 0.99, 1),
            availability("quorum-availability", "QUORUM", 0.8, 0.99),
            availability("each-quorum-availability", "EACH_QUORUM", 0.3, 0.8)))
        .withExtension(new Extension("store.placement-class", PlacementStrategy.class));
  }

  private static Finding writeP50(String key, String level, String region, double low, double high, double tolerance) {
    String metric = String.format(WRITE_P50_MS, region);
    return new Finding(key, "the median write latency of " + region + "'s clients at " + level, "ms",
        r -> r.mean(r.where(CONSISTENCY, level).get(0), metric), low, high, tolerance, true,
        metric + " at " + level + "; compare it with the round-trip times between the regions");
  }

  private static Finding availability(String key, String level, double low, double high) {
    return new Finding(key, "the share of requests served at " + level + ", outage included", "",
        r -> r.mean(r.where(CONSISTENCY, level).get(0), "availability"), low, high, 0.03, false,
        "availability in summary.json at " + level);
  }

  static final String SATURATION = "uplinkSaturation";
  static final String FAILURES = "readFailures";
  static final String FALSE_SUSPICIONS = "falseSuspicions";
  static final String UPLINK_MEAN = "uplinkUtilizationMean";
  static final String UPLINK_COUNT = "uplinkCount";

  private static String first(String watch) {
    return "timeline." + watch + ".firstSeconds";
  }

  private static String last(String watch) {
    return "timeline." + watch + ".lastSeconds";
  }

  private static String peak(String watch) {
    return "timeline." + watch + ".peak";
  }

  /** A finding read off the timeline: when a watched series first (or last) reached its threshold; ± 5 s. */
  private static Finding timeFinding(String key, String watch, boolean first, String question, double low,
      double high, String hint) {
    String metric = first ? first(watch) : last(watch);
    return new Finding(key, question, "s", r -> r.mean(r.points().get(0), metric), low, high, 5, false, hint);
  }

  private static double lowestPhiWithoutFalseConvictions(LabResults r) {
    double lowest = Double.NaN;
    List<SweepPoint> points = r.points();
    for (int i = points.size() - 1; i >= 0; i--) {
      if (r.mean(points.get(i), FALSE_CONVICTIONS) > 0) break;
      lowest = value(points.get(i), "fd.phi-threshold");
    }
    return lowest;
  }

  /** The mean of {@code metric} at every point, in sweep order; a varied path gives its values. */
  static double[] column(LabResults r, String metric) {
    return column(r, metric, r.points());
  }

  /** As {@link #column(LabResults, String)}, at {@code points} only. */
  static double[] column(LabResults r, String metric, List<SweepPoint> points) {
    double[] out = new double[points.size()];
    for (int i = 0; i < out.length; i++) {
      SweepPoint p = points.get(i);
      out[i] = p.paths().contains(metric) ? value(p, metric) : r.mean(p, metric);
    }
    return out;
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) m = Math.max(m, v);
    return m;
  }
}
