package geosim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A value too large for one Artery frame, sent as a numbered series of {@link RunProtocol.Chunk}s
 * and put together again: the value is written as Jackson CBOR and cut into pieces of at most
 * {@link #chunkBytes} bytes. Artery drops a message above {@code maximum-frame-size} without a
 * word, so a run's end state (a store's consistency logs and cells: tens of MB for a large run)
 * never travels in one message. Artery keeps the order of messages between two actors, but the
 * pieces are numbered anyway and put together by number.
 */
final class Chunks {
  /** Largest piece: 1 MiB, or a quarter of the frame size when that is smaller (room for the envelope). */
  static final int CHUNK_BYTES_MAX = 1 << 20;
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

  private final byte[][] parts;
  private int received;

  /** An empty assembly of {@code count} (>= 1) pieces. */
  Chunks(int count) {
    if (count < 1) throw new IllegalArgumentException("count must be >= 1, got " + count);
    parts = new byte[count][];
  }

  /** The piece size for {@code system}: min(1 MiB, maximum-frame-size / 4). */
  static int chunkBytes(ActorSystem<?> system) {
    long frame = system.settings().config().getBytes("pekko.remote.artery.advanced.maximum-frame-size");
    return (int) Math.max(1024, Math.min(CHUNK_BYTES_MAX, frame / 4));
  }

  /** {@code value} as CBOR, cut into pieces of at most {@code chunkBytes} (at least one piece). */
  static List<byte[]> split(Object value, int chunkBytes) {
    byte[] all;
    try {
      all = CBOR.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as CBOR", e);
    }
    List<byte[]> pieces = new ArrayList<>();
    for (int from = 0; from < all.length || pieces.isEmpty(); from += chunkBytes) {
      pieces.add(Arrays.copyOfRange(all, from, Math.min(all.length, from + chunkBytes)));
    }
    return pieces;
  }

  /**
   * Adds piece {@code index} of the series.
   *
   * @return whether every piece is here now
   */
  boolean add(int index, int count, byte[] bytes) {
    if (count != parts.length || index < 0 || index >= count) {
      throw new IllegalArgumentException("piece " + index + " of " + count + " in a series of " + parts.length);
    }
    if (parts[index] == null) received++;
    parts[index] = bytes;
    return received == parts.length;
  }

  /** The value the complete series holds. */
  <T> T value(Class<T> type) {
    int size = 0;
    for (byte[] p : parts) size += p.length;
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    try {
      return CBOR.readValue(all, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + " from " + size + " bytes of CBOR", e);
    }
  }
}
