package geosim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PartitionSpec}: which side a path lies on, and the sides it refuses. */
class PartitionSpecTest {
  private static final String RACK_1 = "us-east/use1-a/rack-1";

  @Test
  void aPathLiesOnTheSideOfTheElementItIsWithin() {
    PartitionSpec p = new PartitionSpec(0, 10, List.of(List.of(RACK_1, "us-east/use1-a/rack-2"), List.of("eu-west")));
    assertEquals(1, p.sideOf(RACK_1 + "/srv-3"));
    assertEquals(1, p.sideOf("us-east/use1-a/rack-2/srv-1"));
    assertEquals(2, p.sideOf("eu-west/euw1-a/rack-1/srv-1"));
    assertEquals(0, p.sideOf("us-east/use1-a/rack-10/srv-1"), "rack-10 is not within rack-1");
    assertEquals(0, p.sideOf("us-east/use1-a/agg-1"));
  }

  @Test
  void sidesMustBeTwoNonEmptyAndApart() {
    assertThrows(IllegalArgumentException.class, () -> PartitionSpec.checkSides(List.of(List.of(RACK_1))));
    assertThrows(IllegalArgumentException.class, () -> PartitionSpec.checkSides(List.of(List.of(RACK_1), List.of())));
    assertThrows(IllegalArgumentException.class,
        () -> PartitionSpec.checkSides(List.of(List.of("us-east"), List.of(RACK_1 + "/srv-1"))));
    assertThrows(IllegalArgumentException.class,
        () -> PartitionSpec.checkSides(List.of(List.of(RACK_1, RACK_1), List.of("eu-west"))));
    assertThrows(IllegalArgumentException.class, () -> new PartitionSpec(5, 5, List.of(List.of(RACK_1), List.of("eu-west"))));
    assertEquals(List.of(List.of(RACK_1), List.of("us-east/use1-a/rack-10")),
        PartitionSpec.checkSides(List.of(List.of(RACK_1), List.of("us-east/use1-a/rack-10"))), "rack-10 is apart from rack-1");
  }
}
