package geosim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.StreamRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeyChooserTest {
  private static final int DRAWS = 200_000;

  @Test
  void zipfianKeysFollowOneOverRankToTheTheta() {
    long keys = 1000;
    KeyChooser.Source s = new KeyChooser.Zipfian(keys, 0.99).source(0, 1, new StreamRandom(5));
    long[] hits = new long[(int) keys];
    for (int i = 0; i < DRAWS; i++) hits[(int) s.next()]++;
    double h = 0;
    for (int k = 1; k <= keys; k++) h += Math.pow(k, -0.99);
    for (int k : new int[] {0, 1, 9, 99}) {
      double p = Math.pow(k + 1, -0.99) / h;
      double sigma = Math.sqrt(DRAWS * p * (1 - p));
      assertTrue(Math.abs(hits[k] - DRAWS * p) < 4.5 * sigma, "key " + k + ": " + hits[k] + " vs " + DRAWS * p);
    }
  }

  @Test
  void aHotspotSendsItsShareOfRequestsToItsHotKeys() {
    KeyChooser.Source s = new KeyChooser.Hotspot(1000, 0.2, 0.8).source(0, 1, new StreamRandom(6));
    int hot = 0;
    for (int i = 0; i < DRAWS; i++) {
      long k = s.next();
      assertTrue(k >= 0 && k < 1000);
      if (k < 200) hot++;
    }
    assertEquals(0.8, hot / (double) DRAWS, 0.005);
  }

  @Test
  void uniformKeysStayInRangeWithEvenCounts() {
    KeyChooser.Source s = new KeyChooser.Uniform(10).source(0, 1, new StreamRandom(7));
    long[] hits = new long[10];
    for (int i = 0; i < DRAWS; i++) hits[(int) s.next()]++;
    for (long h : hits) assertEquals(DRAWS / 10.0, h, 4.5 * Math.sqrt(DRAWS * 0.09));
  }

  @Test
  void latestPrefersTheNewestInsertAndClientsNeverInsertTheSameKey() {
    KeyChooser chooser = new KeyChooser.Latest(100, 0.99);
    KeyChooser.Source a = chooser.source(0, 2, new StreamRandom(8));
    KeyChooser.Source b = chooser.source(1, 2, new StreamRandom(9));
    TreeSet<Long> inserted = new TreeSet<>();
    for (int i = 0; i < 50; i++) {
      assertTrue(inserted.add(a.insertKey()));
      assertTrue(inserted.add(b.insertKey()));
    }
    assertEquals(100, inserted.first());
    long newest = 100 + 2 * 49; // client 0's 50th insert
    int newestHits = 0;
    int oldHits = 0;
    for (int i = 0; i < DRAWS; i++) {
      long k = a.next();
      if (k == newest) newestHits++;
      if (k == 0) oldHits++;
    }
    assertTrue(newestHits > 20 * Math.max(1, oldHits), newestHits + " vs " + oldHits);
  }

  @Test
  void ycsbPresetsAddUpAndDrawTheirShares() {
    for (YcsbWorkload w : YcsbWorkload.values()) {
      OperationMix m = w.mix();
      assertEquals(1, m.read() + m.update() + m.insert() + m.scan() + m.readModifyWrite(), 1e-12, w.name());
    }
    OperationMix b = YcsbWorkload.B.mix();
    StreamRandom r = new StreamRandom(10);
    int reads = 0;
    for (int i = 0; i < DRAWS; i++) if (b.draw(r.nextDouble()) == OperationMix.Kind.READ) reads++;
    assertEquals(0.95, reads / (double) DRAWS, 0.003);
    assertEquals(OperationMix.Kind.READ_MODIFY_WRITE, YcsbWorkload.F.mix().draw(0.9999));
    assertTrue(YcsbWorkload.D.keys(10) instanceof KeyChooser.Latest);
  }

  @Test
  void badParametersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new KeyChooser.Uniform(0));
    assertThrows(IllegalArgumentException.class, () -> new KeyChooser.Zipfian(10, 0));
    assertThrows(IllegalArgumentException.class, () -> new KeyChooser.Zipfian(KeyChooser.ZIPF_KEYS_MAX + 1, 0.99));
    assertThrows(IllegalArgumentException.class, () -> new KeyChooser.Hotspot(10, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new OperationMix(0.5, 0.6, 0, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new KeyChooser.Uniform(5).source(2, 2, new StreamRandom(1)));
  }
}
