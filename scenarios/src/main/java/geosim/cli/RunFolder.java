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
 *
 * <p>From its creation until the run's last file is in place the folder holds an {@value
 * #INCOMPLETE} marker saying what ran and how to rerun it: a run killed at any moment leaves
 * either a complete folder or one marked incomplete, with the time series flushed so far in
 * {@code *.partial} files. A run that fails adds its error to the marker.
 */
final class RunFolder {
  /** The marker file of an unfinished run. */
  static final String INCOMPLETE = "INCOMPLETE";
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

  /** Marks the folder incomplete: the run of {@code what} has started; {@code reproduce} reruns it. */
  void markIncomplete(String what, String reproduce) throws IOException {
    write(INCOMPLETE, incompleteText(what, reproduce, null));
  }

  /** Adds the run's error to the marker; the folder stays incomplete. */
  void markFailed(String what, String reproduce, String error) {
    try {
      write(INCOMPLETE, incompleteText(what, reproduce, error));
    } catch (IOException e) {
      // The marker from the start stays; the run's own error is what the user sees.
    }
  }

  /** Removes the marker: every file of the run is in place. */
  void markComplete() throws IOException {
    Files.delete(dir.resolve(INCOMPLETE));
  }

  private static String incompleteText(String what, String reproduce, String error) {
    return "This run folder is incomplete: " + what + " did not finish"
        + (error == null ? " (it is running, or it was killed).\n" : ".\nError: " + error.replace('\n', ' ') + "\n")
        + "timeseries.csv.partial and latency.hlog.partial hold the snapshots written until then;\n"
        + "summary.json and report.html are written only by a finished run.\n"
        + "Rerun: " + reproduce + "\n";
  }

  /** The first line of {@code dir}'s incomplete marker, or null when the run finished. */
  static String incompleteReason(Path dir) throws IOException {
    Path marker = dir.resolve(INCOMPLETE);
    if (!Files.isRegularFile(marker)) return null;
    return Files.readAllLines(marker).stream().findFirst().orElse("marked incomplete");
  }
}
