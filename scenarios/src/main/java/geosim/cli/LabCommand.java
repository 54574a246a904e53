package geosim.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import geosim.lab.Finding;
import geosim.lab.Lab;
import geosim.lab.LabResults;
import geosim.lab.Labs;
import geosim.lab.StudentCode;
import geosim.lab.StudentCodeException;
import geosim.lab.Timeline;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.ScenarioSettings;
import geosim.sweep.SweepPoint;
import geosim.sweep.SweepReportPage;
import geosim.sweep.SweepResults;
import geosim.sweep.SweepRunner;
import geosim.sweep.SweepSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code geosim lab list|run N|check N}: the teaching labs (docs/labs/). */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = "The teaching labs of docs/labs: list them, run a lab's sweep, check a student's answers.",
    subcommands = {LabCommand.ListLabs.class, LabCommand.RunLab.class, LabCommand.CheckLab.class})
final class LabCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new BadInputException("lab: expected list, run N or check N");
  }

  static Path home() {
    return Path.of(System.getProperty("geosim.home", "."));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the labs.")
  static final class ListLabs implements Callable<Integer> {
    @Override
    public Integer call() {
      for (Lab lab : Labs.ALL) {
        System.out.printf("%2d  %-20s %s%n    %s%n", lab.number(), lab.slug(), lab.title(), lab.doc());
      }
      return Main.EXIT_OK;
    }
  }

  /** What run and check share: the lab, --quick, --parallel, --out, and the sweep. */
  abstract static class LabSweep implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "N", description = "The lab's number (see geosim lab list).")
    int number;

    @Option(names = "--quick", description = "A shorter sweep for a first look: fewer replications, shorter runs.")
    boolean quick;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "J",
        description = "Runs at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Sweep folder (default: sweeps/lab-<NN-name>[-quick]-<hash>, so a rerun resumes).")
    Path out;

    @Option(names = "--quiet", description = "Print no progress.")
    boolean quiet;

    Lab lab() {
      return Labs.byNumber(number).orElseThrow(() -> new BadInputException(
          "lab " + number + ": no such lab; geosim lab list shows " + Labs.ALL.size() + " labs"));
    }

    /** Runs (or resumes) the lab's sweep and reads its results. */
    LabResults sweep(Lab lab, PrintStream out) throws Exception {
      return sweep(lab, out, null);
    }

    /**
     * As above, with a student's class for the lab's extension point when {@code student} is not
     * null: its key joins the overrides, and its folder name carries a hash of the sources, so a
     * changed class never resumes an old sweep. The caller has made the student's loader the
     * thread's context class loader (the scenario names the class).
     */
    LabResults sweep(Lab lab, PrintStream out, StudentClass student) throws Exception {
      if (parallel < 1) throw new BadInputException("--parallel must be >= 1");
      Path config = home().resolve(lab.config());
      if (!Files.isRegularFile(config)) {
        throw new BadInputException(config + ": the lab's scenario is missing; run geosim from its folder");
      }
      List<String> overrides = new ArrayList<>(quick ? lab.quickOverrides() : List.of());
      if (student != null) overrides.add(lab.extension().key() + "=" + student.name());
      ScenarioSettings base = ScenarioLoader.load(config, overrides);
      SweepSpec spec = new SweepSpec(config, Files.readString(config), overrides, lab.variations(),
          quick ? lab.quickReplications() : lab.replications(), base.seed());
      Path dir = this.out != null ? this.out
          : Path.of("sweeps", "lab-" + lab.name() + (quick ? "-quick" : "")
              + (student != null ? "-student-" + student.sourcesHash() : "") + "-" + spec.fingerprint());
      SweepRunner runner = new SweepRunner(spec, dir, quiet ? null : System.err,
          lab.timeline().isEmpty() ? null : () -> new Timeline(lab.timeline()));
      SweepCommand.validate(runner, lab.variations());
      SweepCommand.claim(dir, spec);
      out.printf("geosim: lab %d, %s: %d points x %d replications in %s%n", lab.number(), lab.title(),
          spec.points().size(), spec.replications(), dir);
      runner.run(parallel);
      SweepResults results = SweepResults.read(spec, dir);
      results.writeCsv(dir);
      SweepReportPage.render(results, dir);
      return new LabResults(results);
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run lab N's sweep and print its table; the questions are in docs/labs.")
  static final class RunLab extends LabSweep {
    @Override
    public Integer call() throws Exception {
      Lab lab = lab();
      LabResults results = sweep(lab, System.out);
      List<String> header = new ArrayList<>();
      lab.variations().forEach(v -> header.add(v.path()));
      header.addAll(lab.shown());
      List<List<String>> rows = new ArrayList<>();
      for (SweepPoint p : results.points()) {
        List<String> row = new ArrayList<>(p.values());
        for (String metric : lab.shown()) row.add(number(results.mean(p, metric)));
        rows.add(row);
      }
      printTable(header, rows);
      System.out.println("geosim: the questions are in " + lab.doc() + "; check your answers with "
          + "./geosim lab check " + lab.number() + (quick ? " --quick" : "") + " --student-dir DIR");
      return Main.EXIT_OK;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Run (or resume) lab N's sweep, check that it shows the lab's phenomenon and, with "
          + "--student-dir, compare the student's DIR/answers.conf with what the simulator measures.",
          "Exit 0 when everything checks, 1 when something does not, 2 on bad input."})
  static final class CheckLab extends LabSweep {
    @Option(names = "--student-dir", paramLabel = "DIR", description = {"A folder with the student's answers.conf "
        + "and/or .java files: a class for the lab's extension point (e.g. a failure detector in lab 3), compiled "
        + "and run in the lab's sweep instead of geosim's own."})
    Path studentDir;

    @Override
    public Integer call() throws Exception {
      Lab lab = lab();
      List<Path> sources = studentDir == null ? List.of() : sources(lab);
      Config answers = studentDir == null || (!sources.isEmpty() && !Files.exists(studentDir.resolve("answers.conf")))
          ? null : readAnswers(lab);
      if (sources.isEmpty()) return check(lab, answers, sweep(lab, System.out));
      try (StudentCode code = compile(sources)) {
        StudentClass student = StudentClass.find(code, lab, sources);
        System.out.println("geosim: lab " + lab.number() + " runs with your " + lab.extension().key() + " = " + student.name());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(code.loader());
        try {
          return check(lab, answers, sweep(lab, System.out, student));
        } finally {
          thread.setContextClassLoader(before);
        }
      }
    }

    /** The .java files of the student's folder; bad input if the lab has no extension point for them. */
    private List<Path> sources(Lab lab) throws java.io.IOException {
      if (!Files.isDirectory(studentDir)) throw new BadInputException(studentDir + ": not a folder");
      List<Path> sources = StudentCode.sources(studentDir);
      if (!sources.isEmpty() && lab.extension() == null) {
        throw new BadInputException(studentDir + ": holds .java files, but lab " + lab.number()
            + " has no extension point; labs with one: " + Labs.withExtensions());
      }
      return sources;
    }

    private static StudentCode compile(List<Path> sources) throws java.io.IOException {
      try {
        return StudentCode.compile(sources);
      } catch (StudentCodeException e) {
        throw new BadInputException(e.getMessage());
      }
    }

    private int check(Lab lab, Config answers, LabResults results) {
      int failed = 0;
      double[] measured = new double[lab.findings().size()];
      System.out.println("What the simulator measures:");
      for (int i = 0; i < measured.length; i++) {
        Finding f = lab.findings().get(i);
        double m = f.measure().applyAsDouble(results);
        measured[i] = m;
        boolean ok = f.expected(m);
        if (!ok) failed++;
        System.out.printf("  %-7s %s = %s%s (the lab expects %s to %s)%n", ok ? "ok" : "UNEXPECTED", f.key(),
            number(m), unit(f), number(f.expectedLow()), number(f.expectedHigh()));
      }
      if (answers != null) {
        Path file = studentDir.resolve("answers.conf");
        System.out.println("Your answers (" + file + "):");
        int right = 0;
        for (int i = 0; i < lab.findings().size(); i++) {
          Finding f = lab.findings().get(i);
          double m = measured[i];
          if (!answers.hasPath(f.key())) {
            System.out.printf("  %-7s %s: %s; add `%s = <number>` to %s%n", "MISSING", f.key(), f.question(), f.key(), file);
            continue;
          }
          double a = answers.getDouble(f.key());
          if (f.accepts(a, m)) {
            right++;
            System.out.printf("  %-7s %s = %s%s, measured %s%s%n", "right", f.key(), number(a), unit(f), number(m), unit(f));
          } else {
            System.out.printf("  %-7s %s = %s%s, measured %s%s (accepted: %s to %s). Hint: %s%n", "WRONG", f.key(),
                number(a), unit(f), number(m), unit(f), number(m - f.allowance(m)), number(m + f.allowance(m)), f.hint());
          }
        }
        failed += lab.findings().size() - right;
        System.out.printf("geosim: %d of %d answers right%n", right, lab.findings().size());
      }
      return failed == 0 ? Main.EXIT_OK : Main.EXIT_FAILED;
    }

    /** The student's answers: one number per finding's key; bad input names file, line and key. */
    private Config readAnswers(Lab lab) {
      Path file = studentDir.resolve("answers.conf");
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(file + ": not found; write your answers there, one `key = number` per line ("
            + lab.doc() + " lists the keys)");
      }
      Config config;
      try {
        config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new BadInputException(file + ": " + e.getMessage().replace(file.toString() + ": ", ""));
      }
      List<String> keys = lab.findings().stream().map(Finding::key).toList();
      for (var e : config.entrySet()) {
        ConfigValue v = e.getValue();
        String where = file + ":" + v.origin().lineNumber() + ": " + e.getKey();
        if (!keys.contains(e.getKey())) {
          throw new BadInputException(where + ": not a question of lab " + lab.number() + "; expected one of " + keys);
        }
        if (v.valueType() != ConfigValueType.NUMBER) {
          throw new BadInputException(where + ": expected a number, got '" + v.unwrapped() + "'");
        }
      }
      return config;
    }

    private static String unit(Finding f) {
      return f.unit().isEmpty() ? "" : " " + f.unit();
    }
  }

  /** Four significant digits, no exponent for everyday magnitudes. */
  static String number(double v) {
    if (Double.isNaN(v)) return "not found";
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  private static void printTable(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) width[c] = Math.max(width[c], r.get(c).length());
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < width.length; c++) line.append(String.format("%" + width[c] + "s  ", header.get(c)));
    System.out.println(line.toString().stripTrailing());
    for (List<String> r : rows) {
      line.setLength(0);
      for (int c = 0; c < width.length; c++) line.append(String.format("%" + width[c] + "s  ", r.get(c)));
      System.out.println(line.toString().stripTrailing());
    }
  }
}
