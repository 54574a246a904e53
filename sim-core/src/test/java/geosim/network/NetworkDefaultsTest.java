package geosim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import geosim.topology.Link;
import geosim.topology.LinkSpec;
import org.junit.jupiter.api.Test;

/** The cited defaults and which buffer each link's sending end gets. */
class NetworkDefaultsTest {
  private static final NetworkDefaults D = NetworkDefaults.CITED;
  private static final LinkSpec SPEC = new LinkSpec(1, 10);

  private static long bufferFrom(String from, String to) {
    return D.bufferBytesFor(new Link(from, to, SPEC));
  }

  @Test
  void citedValues() {
    assertEquals(1500, D.mtuBytes());
    assertEquals(1_500_000, D.serverBufferBytes());
    assertEquals(6_000_000, D.switchBufferBytes());
    assertEquals(1L << 30, D.wanBufferBytes());
    assertEquals(5_000_000, NetworkDefaults.propagationNs(1_000)); // 1000 km of fibre: 5 ms
    assertEquals(0, NetworkDefaults.propagationNs(0));
  }

  @Test
  void eachSendingEndGetsItsOwnBuffer() {
    assertEquals(D.serverBufferBytes(), bufferFrom("us-east/use1-a/rack-1/srv-1", "us-east/use1-a/rack-1/tor"));
    assertEquals(D.switchBufferBytes(), bufferFrom("us-east/use1-a/rack-1/tor", "us-east/use1-a/agg-1"));
    assertEquals(D.switchBufferBytes(), bufferFrom("us-east/use1-a/agg-1", "us-east/use1-a/core-1"));
    assertEquals(D.switchBufferBytes(), bufferFrom("us-east/use1-a/core-1", "us-east/wan"));
    assertEquals(D.wanBufferBytes(), bufferFrom("us-east/wan", "eu-west/wan"));
    EgressPort port = D.portFor(new Link("us-east/wan", "eu-west/wan", SPEC));
    assertEquals(D.wanBufferBytes(), port.bufferBytes());
    assertEquals(10e9, port.bandwidthBps());
  }

  @Test
  void badValuesAreRejectedByName() {
    assertEquals("mtuBytes must be between 68 and 65535, got 67",
        assertThrows(IllegalArgumentException.class, () -> new NetworkDefaults(67, 0, 0, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NetworkDefaults(1500, -1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new NetworkDefaults(1500, 0, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new NetworkDefaults(1500, 0, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> NetworkDefaults.propagationNs(-1));
    assertThrows(IllegalArgumentException.class, () -> NetworkDefaults.propagationNs(Double.NaN));
  }
}
