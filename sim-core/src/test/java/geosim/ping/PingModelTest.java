package geosim.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.Kernel;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.kernel.VirtualTime;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PingModelTest {
  private static final long MS = VirtualTime.NANOS_PER_MILLI;

  private static PingSettings settings(long serviceMeanNs, double remoteFraction) {
    TreeMap<String, Long> rtt = new TreeMap<>();
    rtt.put(PingSettings.pairKey("a", "b"), 80 * MS);
    return new PingSettings(List.of(new PingRegion("a", 2), new PingRegion("b", 1)), rtt, 2 * MS,
        VirtualTime.seconds(1), serviceMeanNs, remoteFraction);
  }

  private static RunResult run(PingSettings ping, PartitionBy by, int partitions) {
    KernelSettings ks = KernelSettings.of(3, VirtualTime.seconds(300), PingModel.lookaheadNs(ping, by))
        .withPartitions(partitions, by);
    Kernel.Builder b = Kernel.builder(ks);
    PingModel.populate(ping, b);
    return b.build().run();
  }

  @Test
  void withoutServiceTimeEveryRoundTripIsExactlyTheLinks() {
    RunResult r = run(settings(0, 1.0), PartitionBy.REGION, 2);
    Histogram ab = r.histograms().get("ping.a>b.rtt-us");
    Histogram ba = r.histograms().get("ping.b>a.rtt-us");
    // Histograms keep 3 significant digits: the max reads as the top of 80 ms's bucket.
    for (Histogram h : List.of(ab, ba)) {
      assertEquals(80_000, h.getMinValue());
      assertTrue(h.valuesAreEquivalent(80_000, h.getMaxValue()), "max " + h.getMaxValue());
    }
    // b's only peers are remote, a's remote pings all go to b: about one ping per server-second.
    long ok = r.counter("ping.ok");
    assertTrue(ok > 800 && ok < 1000, "pings " + ok);
    // Only pings sent in the last round trip before the end can still be unanswered.
    assertTrue(r.counter("ping.sent") - ok <= 3, "in flight " + (r.counter("ping.sent") - ok));
  }

  @Test
  void localPingsTakeTheLocalRoundTripPlusQueueing() {
    RunResult r = run(settings(MS, 0.0), PartitionBy.SERVER, 3);
    Histogram aa = r.histograms().get("ping.a>a.rtt-us");
    assertTrue(aa.getMinValue() >= 2_000, "min " + aa.getMinValue());
    // Mean = 2 ms link + about 1 ms service (utilisation 0.1% leaves almost no queueing).
    assertEquals(3.0, aa.getMean() / 1000, 0.15);
    assertFalse(r.histograms().containsKey("ping.a>b.rtt-us"), "no remote pings, no remote histogram");
  }

  @Test
  void theLookaheadIsTheShortestLinkThatCrossesUnits() {
    PingSettings ping = settings(0, 0.5);
    assertEquals(40 * MS, PingModel.lookaheadNs(ping, PartitionBy.REGION));
    assertEquals(40 * MS, PingModel.lookaheadNs(ping, PartitionBy.NONE));
    assertEquals(1 * MS, PingModel.lookaheadNs(ping, PartitionBy.SERVER));
  }
}
