package geosim.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that appears whole or not at all: content goes to a temporary file beside the target,
 * which is renamed over the target only when {@link #commit} is called. A crash or an exception
 * before then leaves no file under the target's name.
 *
 * <p>The temporary file is hidden ({@link #open}) and thrown away on {@link #close} without a
 * commit, or, for a file written over a long run ({@link #openPartial}), named {@code
 * <target>.partial}, kept on close, and flushed by {@link #flush}: a run that dies leaves what it
 * had written in plain sight, under a name no reader mistakes for the finished file.
 */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final PrintStream out;
  private final boolean keepUncommitted;
  private boolean committed;

  private AtomicFile(Path target, boolean partial) throws IOException {
    this.target = target;
    this.keepUncommitted = partial;
    this.temp = partial
        ? Files.createFile(partialOf(target))
        : Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
    readableByAll(temp);
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    this.out = new PrintStream(stream, false, StandardCharsets.UTF_8);
  }

  /** Temporary files are created owner-only; a result file should read like any other. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Starts writing {@code target}. */
  public static AtomicFile open(Path target) throws IOException {
    return new AtomicFile(target, false);
  }

  /**
   * Starts writing {@code target} through {@link #partialOf its partial file}, which must not
   * exist yet and stays behind, with what was flushed, if the file is never committed.
   */
  public static AtomicFile openPartial(Path target) throws IOException {
    return new AtomicFile(target, true);
  }

  /** Where {@link #openPartial} writes {@code target} until the commit: {@code <target>.partial}. */
  public static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /** Pushes what was written so far to the temporary file. */
  public void flush() throws IOException {
    out.flush();
    if (out.checkError()) throw new IOException("writing " + temp + " failed");
  }

  /** Writes {@code content} to {@code target} atomically in one go. */
  public static void write(Path target, String content) throws IOException {
    try (AtomicFile file = open(target)) {
      file.out().print(content);
      file.commit();
    }
  }

  /** Where to write; UTF-8 for text. */
  public PrintStream out() {
    return out;
  }

  /** Flushes and renames the temporary file into place. */
  public void commit() throws IOException {
    out.close();
    if (out.checkError()) throw new IOException("writing " + target + " failed");
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit, throws the temporary file away, or keeps a partial file as it is. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      out.close();
      if (!keepUncommitted) Files.deleteIfExists(temp);
    }
  }
}
