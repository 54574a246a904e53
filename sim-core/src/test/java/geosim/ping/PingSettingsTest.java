package geosim.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PingSettingsTest {
  private static final List<PingRegion> THREE =
      List.of(new PingRegion("us-east", 4), new PingRegion("eu-west", 2), new PingRegion("ap-south", 1));

  private static SortedMap<String, Long> threePairs() {
    return new TreeMap<>(Map.of("eu-west|us-east", 75L, "ap-south|us-east", 200L, "ap-south|eu-west", 120L));
  }

  private static PingSettings settings(List<PingRegion> regions, SortedMap<String, Long> rtt) {
    return new PingSettings(regions, rtt, 5, 1_000, 0, 0.5);
  }

  @Test
  void rttIsSymmetricAndLocalWithinARegion() {
    PingSettings s = settings(THREE, threePairs());
    assertEquals(75, s.rttNs("us-east", "eu-west"));
    assertEquals(75, s.rttNs("eu-west", "us-east"));
    assertEquals(120, s.rttNs("eu-west", "ap-south"));
    assertEquals(5, s.rttNs("ap-south", "ap-south"));
  }

  @Test
  void rttOfAnUnknownRegionNamesIt() {
    PingSettings s = settings(THREE, threePairs());
    assertEquals("unknown region 'mars', regions are [us-east, eu-west, ap-south]",
        assertThrows(IllegalArgumentException.class, () -> s.rttNs("us-east", "mars")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.rttNs("mars", "mars"));
  }

  @Test
  void pairKeyPutsTheSmallerNameFirst() {
    assertEquals("eu-west|us-east", PingSettings.pairKey("us-east", "eu-west"));
    assertEquals("eu-west|us-east", PingSettings.pairKey("eu-west", "us-east"));
  }

  @Test
  void copiesItsCollections() {
    List<PingRegion> regions = new ArrayList<>(THREE);
    SortedMap<String, Long> rtt = threePairs();
    PingSettings s = settings(regions, rtt);
    regions.clear();
    rtt.clear();
    assertEquals(3, s.regions().size());
    assertEquals(3, s.rttNs().size());
    assertThrows(UnsupportedOperationException.class, () -> s.rttNs().put("a|b", 1L));
    assertThrows(UnsupportedOperationException.class, () -> s.regions().add(new PingRegion("x", 1)));
  }

  @Test
  void rejectsAMissingOrExtraPair() {
    SortedMap<String, Long> missing = threePairs();
    missing.remove("ap-south|eu-west");
    assertThrows(IllegalArgumentException.class, () -> settings(THREE, missing));
    SortedMap<String, Long> extra = threePairs();
    extra.put("eu-west|mars", 1L);
    assertThrows(IllegalArgumentException.class, () -> settings(THREE, extra));
  }

  @Test
  void rejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> settings(List.of(), new TreeMap<>()));
    assertThrows(IllegalArgumentException.class,
        () -> settings(List.of(new PingRegion("a", 1), new PingRegion("a", 2)), new TreeMap<>(Map.of("a|a", 1L))));
    SortedMap<String, Long> zero = threePairs();
    zero.put("eu-west|us-east", 0L);
    assertThrows(IllegalArgumentException.class, () -> settings(THREE, zero));
    List<PingRegion> one = List.of(new PingRegion("a", 1));
    assertThrows(IllegalArgumentException.class, () -> new PingSettings(one, new TreeMap<>(), 0, 1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new PingSettings(one, new TreeMap<>(), 1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new PingSettings(one, new TreeMap<>(), 1, 1, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new PingSettings(one, new TreeMap<>(), 1, 1, 0, 1.01));
    assertThrows(IllegalArgumentException.class, () -> new PingSettings(one, new TreeMap<>(), 1, 1, 0, Double.NaN));
  }

  @Test
  void regionRejectsBadNamesAndServerCounts() {
    assertEquals("name must match [a-z][a-z0-9-]*, got 'Us'",
        assertThrows(IllegalArgumentException.class, () -> new PingRegion("Us", 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PingRegion("1a", 1));
    assertThrows(IllegalArgumentException.class, () -> new PingRegion("a|b", 1));
    assertThrows(IllegalArgumentException.class, () -> new PingRegion("a", 0));
    assertThrows(IllegalArgumentException.class, () -> new PingRegion("a", 100_001));
    assertEquals(100_000, new PingRegion("a", 100_000).servers());
  }
}
