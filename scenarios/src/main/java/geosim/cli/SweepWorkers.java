package geosim.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a sweep over worker JVMs: worker {@code i} runs {@code geosim sweep ... --shard i/K}
 * on the same folder. Workers share nothing but the folder, whose files are written atomically,
 * so a worker that dies loses only its runs in progress, and the same command again resumes.
 * Workers start with their parent's JVM options (collector, heap, huge pages, class-data
 * archive: what the {@code geosim} launcher chose), less the ones that hold a port or a file of
 * their own (debugger, profiler agents, flight recordings).
 */
final class SweepWorkers {
  private final int processes;
  private final boolean quiet;

  SweepWorkers(int processes, boolean quiet) {
    this.processes = processes;
    this.quiet = quiet;
  }

  void run(List<String> args) throws IOException, InterruptedException {
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < processes; i++) workers.add(start(args, i));
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      if (workers.get(i).waitFor() != 0) failed.add(i);
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("sweep worker(s) " + failed + " failed; run the same command again to "
          + "resume (their output is above)");
    }
  }

  private Process start(List<String> args, int shard) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(inheritedOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    String home = System.getProperty("geosim.home");
    if (home != null) command.add("-Dgeosim.home=" + home); // the last -D of a name wins
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(args);
    command.addAll(List.of("--shard", shard + "/" + processes));
    if (quiet) command.add("--quiet");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder.start();
  }

  /** The parent's JVM options a worker takes too: all but agents, debuggers, recordings and archive dumps. */
  static List<String> inheritedOptions(List<String> parent) {
    List<String> kept = new ArrayList<>();
    for (String option : parent) {
      boolean own = option.startsWith("-agentlib") || option.startsWith("-agentpath")
          || option.startsWith("-javaagent") || option.startsWith("-Xrunjdwp") || option.equals("-Xdebug")
          || option.startsWith("-XX:StartFlightRecording") || option.startsWith("-XX:FlightRecorderOptions")
          || option.startsWith("-XX:ArchiveClassesAtExit");
      if (!own) kept.add(option);
    }
    return kept;
  }
}
