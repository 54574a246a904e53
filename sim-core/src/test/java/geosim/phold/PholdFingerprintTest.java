package geosim.phold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.kernel.SharedKernelRuntime;
import geosim.kernel.Sync;
import geosim.kernel.VirtualTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PholdFingerprintTest {
  private static final PholdSettings SMALL = new PholdSettings(
      200, 5, VirtualTime.millis(100), VirtualTime.seconds(1), VirtualTime.seconds(300), 42);
  @RegisterExtension
  static final SharedKernelRuntime RUNTIME = new SharedKernelRuntime();
  private static PholdOutcome reference;

  @BeforeAll
  static void setUp() {
    reference = new PholdReference(SMALL).run();
  }

  @ParameterizedTest(name = "partitions={0}")
  @ValueSource(ints = {1, 2, 3, 4, 8})
  void kernelMatchesReferenceAtEveryPartitioning(int partitions) {
    PholdOutcome kernel = PholdModel.build(SMALL, partitions).run(RUNTIME.get());
    assertEquals(partitions, kernel.partitions());
    assertEquals(reference.events(), kernel.events(), "events at partitions=" + partitions);
    assertEquals(reference.fingerprint(), kernel.fingerprint(), "fingerprint at partitions=" + partitions);
  }

  @ParameterizedTest(name = "partitions={0}")
  @ValueSource(ints = {2, 3, 5, 8})
  void channelSyncMatchesReferenceAtEveryPartitioning(int partitions) {
    PholdOutcome kernel = PholdModel.build(SMALL, partitions, Sync.CHANNELS).run(RUNTIME.get());
    assertEquals(partitions, kernel.partitions());
    assertEquals(reference.events(), kernel.events(), "events at partitions=" + partitions);
    assertEquals(reference.fingerprint(), kernel.fingerprint(), "fingerprint at partitions=" + partitions);
    PholdOutcome alone = PholdModel.build(SMALL, 1, Sync.CHANNELS).run(RUNTIME.get());
    assertEquals(alone.windows(), kernel.windows(), "windows depend on event times only");
    // 300 s in windows of 16 lookaheads (1.6 s), plus the start window.
    assertEquals(1 + 188, kernel.windows());
  }

  @Test
  void twoRunsWithTheSameSeedAgree() {
    PholdOutcome first = PholdModel.build(SMALL, 2).run(RUNTIME.get());
    PholdOutcome second = PholdModel.build(SMALL, 2).run(RUNTIME.get());
    assertEquals(first, second);
  }

  @Test
  void anotherSeedGivesAnotherFingerprint() {
    PholdSettings other = new PholdSettings(SMALL.entities(), SMALL.population(), SMALL.lookaheadNs(),
        SMALL.meanDelayNs(), SMALL.endNs(), SMALL.seed() + 1);
    PholdOutcome kernel = PholdModel.build(other, 2).run(RUNTIME.get());
    assertNotEquals(reference.fingerprint(), kernel.fingerprint());
    assertEquals(new PholdReference(other).run(), kernel.withoutKernelDetails());
  }

  @Test
  void eventCountIsAboutWhatTheoryPredicts() {
    // Each of N*K circulating events recurs every lookahead + mean on average.
    double expected = SMALL.entities() * SMALL.population()
        * VirtualTime.toSeconds(SMALL.endNs()) / VirtualTime.toSeconds(SMALL.lookaheadNs() + SMALL.meanDelayNs());
    assertTrue(Math.abs(reference.events() - expected) < 0.02 * expected,
        "events " + reference.events() + " vs expected " + expected);
  }

  @Test
  void smallestLookaheadNeverDeliversIntoThePast() {
    // A 1 ns lookahead makes windows tiny; the partitions' past-delivery assertion must hold.
    PholdSettings tight = new PholdSettings(50, 2, 1, VirtualTime.millis(1), VirtualTime.millis(200), 7);
    PholdOutcome one = PholdModel.build(tight, 1).run(RUNTIME.get());
    PholdOutcome four = PholdModel.build(tight, 4).run(RUNTIME.get());
    PholdOutcome channels = PholdModel.build(tight, 4, Sync.CHANNELS).run(RUNTIME.get());
    assertEquals(new PholdReference(tight).run().fingerprint(), four.fingerprint());
    assertEquals(one.fingerprint(), four.fingerprint());
    assertEquals(one.fingerprint(), channels.fingerprint());
    assertTrue(four.events() > 10_000, "events " + four.events());
  }
}
