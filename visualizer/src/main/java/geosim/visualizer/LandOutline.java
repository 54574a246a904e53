package geosim.visualizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's land as polygons of (longitude, latitude) degrees: Natural Earth's 1:110m land
 * boundaries (public domain), shipped as {@code land-110m.txt} beside this class; {@code
 * visualizer/tools/land-outline.js} made it from world-atlas 2.0.2's {@code land-110m.json}.
 * Format: {@code #} comment lines, then one ring per line, {@code lon lat lon lat ...}.
 */
final class LandOutline {
  static final String RESOURCE = "land-110m.txt";

  private LandOutline() {}

  /** The shipped outline, read once per call. */
  static List<double[]> world() {
    try (InputStream in = LandOutline.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the visualizer jar");
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rings as flat arrays {@code lon0, lat0, lon1, lat1, ...}. */
  static List<double[]> read(Reader reader) throws IOException {
    List<double[]> rings = new ArrayList<>();
    BufferedReader in = new BufferedReader(reader);
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.trim().split(" ");
      if (f.length % 2 != 0 || f.length < 6) throw new IOException("line " + lineNo + ": expected >= 3 lon lat pairs");
      double[] ring = new double[f.length];
      try {
        for (int i = 0; i < f.length; i++) ring[i] = Double.parseDouble(f[i]);
      } catch (NumberFormatException e) {
        throw new IOException("line " + lineNo + ": " + e.getMessage(), e);
      }
      rings.add(ring);
    }
    return rings;
  }
}
