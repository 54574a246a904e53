package geosim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the cluster tests share: a free port on 127.0.0.1, result lines without wall time, argument lists. */
final class ClusterTests {
  private ClusterTests() {}

  /** A port free on the loopback address now (the OS picks it). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The file's lines except those naming {@code wallSeconds}, the one field that may differ between runs. */
  static List<String> withoutWallTime(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.contains("wallSeconds")).toList();
  }

  static String[] concat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
