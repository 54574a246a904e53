package geosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import geosim.cluster.ClusterNode;
import geosim.cluster.ClusterSweep;
import geosim.report.AtomicFile;
import geosim.scenario.ScenarioConfigException;
import geosim.scenario.ScenarioSettings;
import geosim.sweep.SweepReportPage;
import geosim.sweep.SweepResults;
import geosim.sweep.SweepRunner;
import geosim.sweep.SweepSpec;
import geosim.sweep.Variation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code geosim sweep FILE --vary path=v1,v2 ...}: a resumable full-factorial sweep. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a full-factorial sweep with replications; write sweep.csv (mean and 95% CI per metric",
      "and point) and sweep-report.html. Resumable: the same command again skips what finished."
    })
final class SweepCommand implements Callable<Integer> {
  @Mixin ScenarioOptions options;

  @Option(names = "--vary", required = true, paramLabel = "PATH=V1,V2,...",
      description = "A setting and its values (repeatable; the full factorial is run).")
  List<String> varies = new ArrayList<>();

  @Option(names = "--replications", defaultValue = "5", paramLabel = "R",
      description = "Runs per point, each with its own derived seed (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--parallel", defaultValue = "1", paramLabel = "J",
      description = "Runs at a time in this JVM (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--processes", defaultValue = "1", paramLabel = "K",
      description = "Worker JVMs to spread the runs over, each running --parallel at a time (default: ${DEFAULT-VALUE}).")
  int processes;

  @Option(names = "--shard", hidden = true, paramLabel = "I/K",
      description = "Internal: run only shard I of K (used by --processes).")
  String shard;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Sweep folder (default: sweeps/<scenario>-<hash of the sweep>, so a rerun resumes).")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors and the result paths.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (replications < 1 || parallel < 1 || processes < 1) {
      throw new BadInputException("--replications, --parallel and --processes must be >= 1");
    }
    ClusterNode.Endpoint at = clusterOptions.endpoint();
    Duration timeout = clusterOptions.timeout();
    if (at != null && processes > 1) throw new BadInputException("--cluster and --processes cannot be combined");
    Plan plan = plan(options, varies, replications);
    SweepSpec spec = plan.spec();
    Path dir = out != null ? out : Path.of("sweeps", plan.scenarioName() + "-" + spec.fingerprint());
    SweepRunner runner = new SweepRunner(spec, dir, quiet ? null : System.err);
    claim(dir, spec);
    if (shard != null) return runShard(runner);
    if (at != null) {
      runOnCluster(runner, spec, at, timeout);
    } else if (processes > 1) {
      new SweepWorkers(processes, quiet).run(rawArgs(dir));
    } else {
      runner.run(parallel);
    }
    SweepResults results = SweepResults.read(spec, dir);
    System.out.println("geosim: wrote " + results.writeCsv(dir));
    System.out.println("geosim: wrote " + SweepReportPage.render(results, dir));
    return Main.EXIT_OK;
  }

  private void runOnCluster(SweepRunner runner, SweepSpec spec, ClusterNode.Endpoint at, Duration timeout)
      throws Exception {
    List<SweepRunner.Unit> todo = runner.missing(0, 1);
    PrintStream log = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.err;
    log.printf("geosim: sweep of %d points x %d replications on the cluster at %s: %d to run%n",
        spec.points().size(), spec.replications(), clusterOptions.cluster, todo.size());
    if (!todo.isEmpty()) ClusterSweep.run(runner, spec.scenarioFile().toString(), todo, at, timeout, log);
  }

  /** A HOCON duration ({@code 30s}, {@code 10m}); bad text is bad input. */
  static Duration parseDuration(String text, String option) {
    try {
      Duration d = ConfigFactory.parseString("d = " + ConfigUtil.quoteString(text)).getDuration("d");
      if (d.isNegative() || d.isZero()) throw new BadInputException(option + " must be > 0, got " + text);
      return d;
    } catch (ConfigException e) {
      throw new BadInputException(option + ": expected a duration such as 30s or 10m, got '" + text + "'");
    }
  }

  private int runShard(SweepRunner runner) throws Exception {
    String[] parts = shard.split("/");
    try {
      runner.run(parallel, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new BadInputException("--shard: expected I/K, got '" + shard + "'");
    }
    return Main.EXIT_OK;
  }

  /** This command's arguments for a worker, with the folder fixed so all workers share it. */
  private List<String> rawArgs(Path dir) {
    List<String> args = new ArrayList<>(List.of("sweep", options.file.toString(), "--out", dir.toString(),
        "--replications", Integer.toString(replications), "--parallel", Integer.toString(parallel)));
    for (String v : varies) args.addAll(List.of("--vary", v));
    for (String o : options.overrides) args.addAll(List.of("--set", o));
    if (options.seed != null) args.addAll(List.of("--seed", Long.toString(options.seed)));
    return args;
  }

  /** A sweep checked before anything is written, and the name of its scenario. */
  record Plan(SweepSpec spec, String scenarioName) {}

  /**
   * The sweep of {@code options} (file, --set, --seed) and the {@code --vary} texts, with every
   * point's settings checked.
   *
   * @throws BadInputException for a malformed --vary or a point whose settings are bad
   * @throws ScenarioConfigException for a bad file or --set
   */
  static Plan plan(ScenarioOptions options, List<String> varies, int replications)
      throws ScenarioConfigException, IOException {
    List<Variation> variations = parseVariations(varies);
    ScenarioSettings base = options.load();
    SweepSpec spec = new SweepSpec(options.file, Files.readString(options.file), options.overrides,
        variations, replications, base.seed());
    validate(new SweepRunner(spec, null, null), variations); // checking needs no folder
    return new Plan(spec, base.name());
  }

  /**
   * Parses the --vary texts: each path varied once (later overrides would hide earlier ones),
   * each value once, never the seed (each replication draws its own), and at most {@link
   * #MAX_POINTS} points, so a slip of the keyboard cannot start a sweep of a billion runs.
   */
  private static List<Variation> parseVariations(List<String> varies) {
    List<Variation> variations = new ArrayList<>();
    try {
      for (String v : varies) variations.add(Variation.parse(v));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    checkVariations(variations);
    return variations;
  }

  private static void checkVariations(List<Variation> variations) {
    Set<String> paths = new HashSet<>();
    long points = 1;
    List<String> sizes = new ArrayList<>();
    for (Variation v : variations) {
      String path = canonical(v.path());
      if (path.equals("seed")) {
        throw new BadInputException("--vary seed: each replication draws its own seed from the scenario's;"
            + " use --replications for more seeds, --seed for another root seed");
      }
      if (!paths.add(path)) throw new BadInputException("--vary " + v.path() + ": varied twice; give all its values in one --vary");
      Set<String> values = new HashSet<>();
      for (String value : v.values()) {
        if (!values.add(value)) throw new BadInputException("--vary " + v.path() + ": value " + value + " given twice");
      }
      points = Math.min(points * v.values().size(), MAX_POINTS + 1L);
      sizes.add(Integer.toString(v.values().size()));
    }
    if (points > MAX_POINTS) {
      throw new BadInputException("--vary: the sweep would have more than " + MAX_POINTS + " points ("
          + String.join(" x ", sizes) + " values); vary fewer values, or split the sweep");
    }
  }

  /** Most points a sweep may have; checking them all takes a few milliseconds each. */
  static final int MAX_POINTS = 10_000;

  /** A HOCON path as the loader sees it ({@code "seed"} and {@code seed} are one); as written when it is no path. */
  private static String canonical(String path) {
    try {
      return ConfigUtil.joinPath(ConfigUtil.splitPath(path));
    } catch (ConfigException e) {
      return path;
    }
  }

  /** Validates every point; a problem with a varied path is reported as a --vary one. */
  static void validate(SweepRunner runner, List<Variation> variations) {
    try {
      runner.validate();
    } catch (ScenarioConfigException e) {
      List<String> lines = new ArrayList<>();
      for (String problem : e.problems()) lines.add(asVary(problem, variations));
      throw new BadInputException(String.join("\ngeosim: ", lines));
    }
  }

  private static String asVary(String problem, List<Variation> variations) {
    for (Variation v : variations) {
      String prefix = "--set " + v.path() + ":";
      if (problem.startsWith(prefix)) return "--vary " + problem.substring("--set ".length());
    }
    return problem;
  }

  /** Records the spec in the folder, or checks that the folder holds this same sweep. */
  static void claim(Path dir, SweepSpec spec) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenarioFile", spec.scenarioFile().toString());
    json.put("fingerprint", spec.fingerprint());
    json.put("overrides", spec.overrides());
    json.put("variations", spec.variations());
    json.put("replications", spec.replications());
    json.put("seed", spec.seed());
    String text = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    Path file = dir.resolve("sweep.json");
    if (Files.exists(file)) {
      if (!Files.readString(file).equals(text)) {
        throw new BadInputException(dir + " holds a different sweep (see its sweep.json); choose another --out");
      }
      return;
    }
    Files.createDirectories(dir);
    AtomicFile.write(file, text);
  }
}
