package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import geosim.kernel.StreamRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefSortTest {
  @ParameterizedTest(name = "size {0}")
  @ValueSource(ints = {0, 1, 2, 3, 17, 1000, 4097})
  void sortsLikeArraysSortAndKeepsEqualKeysInOrder(int size) {
    StreamRandom random = new StreamRandom(size);
    long[] values = new long[size];
    // High bits: a small sort key with many ties; low bits: the original position.
    for (int i = 0; i < size; i++) values[i] = ((long) random.nextInt(10) << 32) | i;
    long[] expected = values.clone();
    Arrays.sort(expected); // ties broken by position, i.e. stable on the high bits
    RefSort.sort(values, size, (a, b) -> Long.compare(a >>> 32, b >>> 32));
    assertArrayEquals(expected, values);
  }
}
