package geosim.workload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzing of the trace reader (Jazzer): any text ends in a trace whose rate is defined
 * everywhere, or in one {@link TraceCsv.TraceFormatException} of one line, never another
 * exception. The inputs under {@code src/test/resources/geosim/workload/TraceCsvFuzzTestInputs/}
 * run as regression tests in every build; to search:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl sim-core test -Dtest=TraceCsvFuzzTest}.
 */
class TraceCsvFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyTraceReadsOrFailsCleanly(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    try {
      LoadShape.Trace trace = TraceCsv.parse("fuzz.csv", List.of(text.split("\n", -1)));
      long last = trace.timesNs()[trace.timesNs().length - 1];
      for (long t : new long[] {0, last / 2, last, last + 1}) {
        double f = trace.factor(t);
        assertTrue(f >= 0 && Double.isFinite(f), "factor at " + t + ": " + f);
        assertTrue(trace.upperBound(0, t) >= f, "bound below the factor at " + t);
      }
    } catch (TraceCsv.TraceFormatException e) {
      assertFalse(e.getMessage().contains("\n") || e.getMessage().isBlank(), "one line: '" + e.getMessage() + "'");
    }
  }
}
