package geosim.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TraceCsvTest {
  @Test
  void readsPointsSkippingBlankAndCommentLines() throws Exception {
    LoadShape.Trace t = TraceCsv.parse("t.csv", List.of("# a launch", "time,rate", "0,10", "", "1.5, 20", "3600,0.5e1"));
    assertArrayEquals(new long[] {0, 1_500_000_000L, 3_600_000_000_000L}, t.timesNs());
    assertArrayEquals(new double[] {10, 20, 5}, t.values());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unsorted times      | time,rate;0,1;60,2;30,3 | t.csv:4: times must increase: 30 s comes after 60 s",
      "a repeated time     | time,rate;0,1;0,2       | t.csv:3: times must increase: 0 s comes after 0 s",
      "three columns       | time,rate;0,1,2         | t.csv:2: expected 2 columns (time,rate), got 3: '0,1,2'",
      "one column          | time,rate;0             | t.csv:2: expected 2 columns (time,rate), got 1: '0'",
      "no header           | 0,1                     | t.csv:1: expected the header 'time,rate', got '0,1'",
      "a word for a rate   | time,rate;0,lots        | t.csv:2: rate: expected a number >= 0, got 'lots'",
      "a negative rate     | time,rate;0,-1          | t.csv:2: rate: expected a number >= 0, got '-1'",
      "a negative time     | time,rate;-5,1          | t.csv:2: time: expected a number >= 0, got '-5'",
      "NaN                 | time,rate;0,NaN         | t.csv:2: rate: expected a number >= 0, got 'NaN'",
      "an infinite rate    | time,rate;0,1e999       | t.csv:2: rate: 1e999 is too large",
      "a time too far      | time,rate;1e12,1        | t.csv:2: time 1e12 s is beyond the longest run",
      "only a header       | time,rate               | t.csv:1: no points after the header",
  })
  void badTracesNameTheFileAndLine(String what, String text, String message) {
    TraceCsv.TraceFormatException e = assertThrows(TraceCsv.TraceFormatException.class,
        () -> TraceCsv.parse("t.csv", List.of(text.split(";"))));
    assertEquals(message, e.getMessage(), what);
  }

  @Test
  void anEmptyFileSaysSo() {
    TraceCsv.TraceFormatException e = assertThrows(TraceCsv.TraceFormatException.class, () -> TraceCsv.parse("t.csv", List.of()));
    assertEquals("t.csv:1: empty: expected the header 'time,rate' and points", e.getMessage());
  }
}
