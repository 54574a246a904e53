package geosim.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import geosim.store.storage.Cell;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Times to full visibility as the coordinator's recorder measures them (ns in, us out). */
class ConsistencyRecorderTest {
  private final Histogram visibilityUs = new Histogram(3);
  private final ConsistencyRecorder recorder = new ConsistencyRecorder(new ConsistencyLog(0), visibilityUs);

  @Test
  void visibilityRunsFromTheAckToTheLastReplicasApply() {
    recorder.writeStarted(1, 5, new Cell(0, 0), 0, 3);
    recorder.writeApplied(1, 5_000);
    recorder.writeApplied(1, 7_000);
    recorder.writeFinished(1, true, 10_000);
    assertEquals(0, visibilityUs.getTotalCount(), "one replica has not applied it yet");
    recorder.writeApplied(1, 30_000);
    assertEquals(1, visibilityUs.getTotalCount());
    assertEquals(20, visibilityUs.getMaxValue());
    assertEquals(0, recorder.pendingWrites());
  }

  @Test
  void aWriteEveryReplicaAppliedBeforeTheAckIsVisibleAtOnce() {
    recorder.writeStarted(1, 5, new Cell(0, 0), 0, 2);
    recorder.writeApplied(1, 5_000);
    recorder.writeApplied(1, 6_000);
    recorder.writeFinished(1, true, 10_000);
    assertEquals(1, visibilityUs.getTotalCount());
    assertEquals(0, visibilityUs.getMaxValue());
  }

  @Test
  void failedWritesAndWritesAReplicaNeverAppliedAreNotMeasured() {
    recorder.writeStarted(1, 5, new Cell(0, 0), 0, 2);
    recorder.writeApplied(1, 5_000);
    recorder.writeFinished(1, false, 10_000);
    recorder.writeStarted(2, 5, new Cell(2, 0), 0, 2);
    recorder.writeApplied(2, 5_000);
    recorder.writeFinished(2, true, 10_000);
    recorder.writeApplied(99, 1); // not a write of this coordinator: ignored
    assertEquals(0, visibilityUs.getTotalCount());
    assertEquals(1, recorder.pendingWrites(), "write 2 waits for its second replica");
    assertEquals(2, recorder.log().writes());
  }
}
