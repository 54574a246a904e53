package geosim.cli;

import geosim.lab.Lab;
import geosim.lab.StudentCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The student's class that a lab runs with: the one class of their folder implementing the lab's
 * extension point, and a short hash of the folder's sources (so a changed class gets a new sweep).
 */
record StudentClass(String name, String sourcesHash) {
  /** The one implementation of {@code lab}'s extension point in {@code code}; bad input if none or several. */
  static StudentClass find(StudentCode code, Lab lab, List<Path> sources) throws IOException {
    List<String> found = code.implementing(lab.extension().type());
    String wanted = "public class implementing " + lab.extension().type().getName();
    if (found.isEmpty()) {
      throw new BadInputException(sources.get(0).getParent() + ": found no " + wanted + " (with a public constructor, see "
          + lab.doc() + ")");
    }
    if (found.size() > 1) {
      throw new BadInputException(sources.get(0).getParent() + ": more than one " + wanted + ": " + found
          + "; keep one in the folder");
    }
    return new StudentClass(found.get(0), hash(sources));
  }

  private static String hash(List<Path> sources) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : sources) {
        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
