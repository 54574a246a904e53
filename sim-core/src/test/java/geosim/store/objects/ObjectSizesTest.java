package geosim.store.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ObjectSizesTest {
  @Test
  void theNormalQuantileMatchesTabulatedValues() {
    // Abramowitz and Stegun, table 26.5: z at 0.5, 0.975, 0.99, 0.999.
    assertEquals(0, ObjectSizes.standardNormalQuantile(0.5), 1e-9);
    assertEquals(1.959964, ObjectSizes.standardNormalQuantile(0.975), 1e-6);
    assertEquals(2.326348, ObjectSizes.standardNormalQuantile(0.99), 1e-6);
    assertEquals(-3.090232, ObjectSizes.standardNormalQuantile(0.001), 1e-6);
    assertEquals(-ObjectSizes.standardNormalQuantile(0.3), ObjectSizes.standardNormalQuantile(0.7), 1e-9);
  }

  @Test
  void sizesHaveTheGivenMeanAndCoefficientOfVariation() {
    ObjectSizes sizes = new ObjectSizes(262_144, 1);
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    for (long key = 0; key < n; key++) {
      double s = sizes.sizeBytes(7, key, 0);
      sum += s;
      squares += s * s;
    }
    double mean = sum / n;
    double cv = Math.sqrt(squares / n - mean * mean) / mean;
    assertEquals(262_144, mean, 0.02 * 262_144, "mean");
    assertEquals(1, cv, 0.1, "coefficient of variation");
  }

  @Test
  void aKeysSizeDependsOnItsVersionAndTheSaltOnly() {
    ObjectSizes sizes = new ObjectSizes(1000, 2);
    assertEquals(sizes.sizeBytes(3, 42, 5), sizes.sizeBytes(3, 42, 5));
    assertNotEquals(sizes.sizeBytes(3, 42, 5), sizes.sizeBytes(3, 42, 6));
    assertNotEquals(sizes.sizeBytes(3, 42, 5), sizes.sizeBytes(4, 42, 5));
    assertEquals(1000, new ObjectSizes(1000, 0).sizeBytes(3, 42, 5));
    assertThrows(IllegalArgumentException.class, () -> new ObjectSizes(0, 1));
  }
}
