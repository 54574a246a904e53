package geosim.cli;

import java.io.IOException;
import geosim.report.AtomicFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's output folder. It is created new, never reused: an existing folder is never
 * overwritten. Each file is written to a temporary file in the folder and renamed into place,
 * so a reader never sees half a file.
 */
final class RunFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /** Creates {@code out}; bad input if it already exists. */
  static RunFolder create(Path out) {
    try {
      if (out.getParent() != null) Files.createDirectories(out.getParent());
      return new RunFolder(Files.createDirectory(out));
    } catch (FileAlreadyExistsException e) {
      throw new BadInputException("--out " + out + ": already exists; a run folder is never "
          + "overwritten, choose another --out");
    } catch (IOException e) {
      throw new BadInputException("--out " + out + ": cannot create the folder: " + e.getMessage());
    }
  }

  /** Creates {@code runs/<scenario>-<timestamp>} (with -2, -3… if taken) under {@code base}. */
  static RunFolder createDefault(Path base, String scenario, LocalDateTime now) {
    String stem = scenario + "-" + STAMP.format(now);
    for (int n = 1; ; n++) {
      Path candidate = base.resolve(n == 1 ? stem : stem + "-" + n);
      if (!Files.exists(candidate)) {
        try {
          Files.createDirectories(base);
          return new RunFolder(Files.createDirectory(candidate));
        } catch (FileAlreadyExistsException e) {
          continue; // taken by a concurrent run between the check and the create
        } catch (IOException e) {
          throw new BadInputException(candidate + ": cannot create the run folder: " + e.getMessage());
        }
      }
    }
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code name} atomically: temporary file, then rename. */
  void write(String name, String content) throws IOException {
    AtomicFile.write(dir.resolve(name), content);
  }

  /** Removes the folder if the run left nothing in it (a run that failed at once). */
  void removeIfEmpty() {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) Files.delete(dir);
    } catch (IOException e) {
      // Leave it: an empty folder is harmless, and the run's own error is what matters.
    }
  }
}
