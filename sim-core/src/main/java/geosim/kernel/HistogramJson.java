package geosim.kernel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Jackson bindings for HdrHistogram's {@link Histogram}: its compressed binary encoding as a
 * byte string. Used only when a metrics report actually crosses JVMs; inside one JVM Pekko
 * passes the report by reference and nothing is encoded.
 */
final class HistogramJson {
  private HistogramJson() {}

  static final class Serializer extends StdSerializer<Histogram> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Histogram.class);
    }

    @Override
    public void serialize(Histogram h, JsonGenerator gen, SerializerProvider provider) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
      int length = h.encodeIntoCompressedByteBuffer(buffer);
      gen.writeBinary(buffer.array(), 0, length);
    }
  }

  static final class Deserializer extends StdDeserializer<Histogram> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Histogram.class);
    }

    @Override
    public Histogram deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
      try {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(parser.getBinaryValue()), 0);
      } catch (DataFormatException e) {
        throw new IOException("a histogram in a metrics report could not be decoded", e);
      }
    }
  }
}
