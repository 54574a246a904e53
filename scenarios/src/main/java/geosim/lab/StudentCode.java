package geosim.lab;

import geosim.store.gossip.FailureDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A student's Java classes for a lab's extension point: the {@code .java} files of one folder,
 * compiled with the JDK's compiler (javax.tools) against geosim's own classes into a temporary
 * folder, and loaded by a class loader of their own whose parent is geosim's. {@link #close}
 * deletes the temporary folder.
 */
public final class StudentCode implements AutoCloseable {
  private final Path classes;
  private final URLClassLoader loader;
  private final List<String> names;

  private StudentCode(Path classes, URLClassLoader loader, List<String> names) {
    this.classes = classes;
    this.loader = loader;
    this.names = names;
  }

  /** The {@code .java} files directly in {@code dir}, in name order. */
  public static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
    }
  }

  /**
   * Compiles {@code sources}.
   *
   * @throws StudentCodeException when there is no compiler (a JRE, not a JDK) or the code does not
   *     compile: the compiler's messages, each with its file and line
   */
  public static StudentCode compile(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new StudentCodeException("compiling your classes needs a JDK (javac), but this Java is a runtime only: "
          + System.getProperty("java.home") + "; install a JDK 17 or newer or set JAVA_HOME to one");
    }
    Path classes = Files.createTempDirectory("geosim-student-");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", geosimClassPath(), "--release", "17",
          "-proc:none", "-encoding", "UTF-8");
      ok = compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
    }
    if (!ok) {
      delete(classes);
      throw new StudentCodeException(messages(diagnostics));
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> all = Files.walk(classes)) {
      for (Path f : all.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String relative = classes.relativize(f).toString();
        names.add(relative.substring(0, relative.length() - ".class".length()).replace(f.getFileSystem().getSeparator(), "."));
      }
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, StudentCode.class.getClassLoader());
    return new StudentCode(classes, loader, names);
  }

  /** The loader of the student's classes (its parent is geosim's). */
  public ClassLoader loader() {
    return loader;
  }

  /** The public concrete classes that implement {@code type}, by binary name, in name order. */
  public List<String> implementing(Class<?> type) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      int m = c.getModifiers();
      if (type.isAssignableFrom(c) && java.lang.reflect.Modifier.isPublic(m) && !c.isInterface()
          && !java.lang.reflect.Modifier.isAbstract(m)) {
        out.add(name);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    loader.close();
    delete(classes);
  }

  /** geosim's class path for the compiler: the JVM's, and where sim-core's classes were loaded from. */
  private static String geosimClassPath() {
    List<String> parts = new ArrayList<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
    for (Class<?> anchor : List.of(FailureDetector.class, StudentCode.class)) {
      try {
        parts.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | SecurityException | NullPointerException e) {
        // No code source to add: the JVM's class path must then hold geosim.
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  private static String messages(DiagnosticCollector<JavaFileObject> diagnostics) {
    StringBuilder out = new StringBuilder("your classes do not compile:");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).toString();
      out.append('\n').append(file).append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT));
    }
    return out.toString();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
