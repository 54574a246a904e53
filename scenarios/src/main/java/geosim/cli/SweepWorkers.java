package geosim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a sweep over worker JVMs: worker {@code i} runs {@code geosim sweep ... --shard i/K}
 * on the same folder. Workers share nothing but the folder, whose files are written atomically,
 * so a worker that dies loses only its runs in progress, and the same command again resumes.
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
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    String home = System.getProperty("geosim.home");
    if (home != null) command.add("-Dgeosim.home=" + home);
    command.add(Main.class.getName());
    command.addAll(args);
    command.addAll(List.of("--shard", shard + "/" + processes));
    if (quiet) command.add("--quiet");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder.start();
  }
}
