package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import geosim.kernel.StreamRandom;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowSortTest {
  @ParameterizedTest(name = "size {0}")
  @ValueSource(ints = {0, 1, 2, 3, 17, 1000, 4097})
  void sortsRowsByMajorThenMinorThenTieAsAComparatorSortDoes(int size) {
    StreamRandom random = new StreamRandom(size);
    long[][] rows = new long[size][];
    long[] major = new long[size];
    long[] minor = new long[size];
    long[] tie = new long[size];
    for (int i = 0; i < size; i++) {
      // Few distinct majors and minors (many ties, negative values too); tie = original position.
      rows[i] = new long[] {random.nextInt(10) - 5, random.nextInt(4) - 2, i};
      major[i] = rows[i][0];
      minor[i] = rows[i][1];
      tie[i] = rows[i][2];
    }
    Arrays.sort(rows, Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1])
        .thenComparingLong(r -> r[2]));
    RowSort.sort(major, minor, tie, size);
    for (int i = 0; i < size; i++) {
      assertArrayEquals(rows[i], new long[] {major[i], minor[i], tie[i]}, "row " + i);
    }
  }
}
