package geosim.cli;

import static geosim.cli.CliOutcome.geosim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import geosim.lab.Finding;
import geosim.lab.Lab;
import geosim.lab.Labs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every lab's scenario runs (with --quick), shows its phenomenon, accepts the instructor's answers
 * and rejects wrong ones with a hint; bad answer files are bad input.
 */
class LabCommandTest {
  @TempDir static Path sweeps;
  @TempDir Path tmp;

  @BeforeAll
  static void fromTheRepositoryRoot() {
    System.setProperty("geosim.home", "..");
  }

  @AfterAll
  static void restore() {
    System.clearProperty("geosim.home");
  }

  private static CliOutcome check(int lab, String... more) {
    String[] base = {"lab", "check", Integer.toString(lab), "--quick", "--quiet",
        "--out", sweeps.resolve("lab-" + lab).toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return geosim(args);
  }

  @Test
  void listShowsEveryLabWithItsTextAndInstructorAnswers() {
    CliOutcome o = geosim("lab", "list");
    assertEquals(0, o.code(), o.err());
    for (Lab lab : Labs.ALL) {
      assertTrue(o.out().contains(lab.title()), o.out());
      for (String file : new String[] {lab.config(), lab.doc(), lab.instructorDoc(), lab.instructorAnswers() + "/answers.conf"}) {
        assertTrue(Files.isRegularFile(Path.of("..", file)), file);
      }
      String doc = readQuietly(Path.of("..", lab.doc()));
      for (Finding f : lab.findings()) assertTrue(doc.contains("`" + f.key() + "`"), lab.doc() + " asks for " + f.key());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void theInstructorsAnswersAreRightAndWrongOnesAreNot(int number) throws Exception {
    Lab lab = Labs.byNumber(number).orElseThrow();
    CliOutcome right = check(number, "--student-dir", Path.of("..", lab.instructorAnswers()).toString());
    assertEquals(0, right.code(), right.out() + right.err());
    assertEquals(lab.findings().size(), count(right.out(), "  ok "), right.out());
    assertEquals(lab.findings().size(), count(right.out(), "  right "), right.out());
    assertTrue(right.out().contains("geosim: " + lab.findings().size() + " of " + lab.findings().size() + " answers right"));

    StringBuilder wrong = new StringBuilder();
    for (Finding f : lab.findings()) wrong.append(f.key()).append(" = 1000\n");
    Files.writeString(tmp.resolve("answers.conf"), wrong);
    CliOutcome off = check(number, "--student-dir", tmp.toString());
    assertEquals(1, off.code(), off.out() + off.err());
    assertEquals(lab.findings().size(), count(off.out(), "  WRONG "), off.out());
    assertTrue(off.out().contains("Hint: " + lab.findings().get(0).hint()), off.out());
    assertTrue(off.out().contains("geosim: 0 of " + lab.findings().size() + " answers right"), off.out());
  }

  /**
   * Each lab with an extension point: the instructor's reference class (compiled from
   * docs/labs/instructor) passes the lab's checks, and a deliberately wrong class fails them.
   */
  static Stream<Arguments> extensionPoints() {
    return Stream.of(
        Arguments.of(3, "03-failure-detection/detector", "ExponentialPhiDetector", String.join("\n",
            "import geosim.store.gossip.FailureDetector;",
            "import geosim.store.gossip.GossipSettings;",
            "public class NeverSuspects implements FailureDetector {",
            "  private long last = Long.MIN_VALUE;",
            "  public NeverSuspects(GossipSettings settings) {}",
            "  public void heartbeat(long nowNs) { last = nowNs; }",
            "  public double phi(long nowNs) { return 0; }",
            "  public long lastHeartbeatNs() { return last; }",
            "}", ""), "NeverSuspects", "UNEXPECTED detection-seconds-at-phi-5 = not found"),
        Arguments.of(5, "05-launch-day/policy", "CpuTargetPolicy", String.join("\n",
            "import geosim.elastic.AutoscalingPolicy;",
            "import geosim.elastic.FleetObservation;",
            "public class NeverScales implements AutoscalingPolicy {",
            "  public int desired(FleetObservation o) { return o.capacity(); }",
            "}", ""), "NeverScales", "UNEXPECTED animoto-peak-servers = 25 servers"),
        Arguments.of(6, "06-geo-distribution/placement", "RackAwarePlacement", String.join("\n",
            "import geosim.store.ring.PlacementStrategy;",
            "import geosim.store.ring.RingLayout;",
            "public class NextNodes implements PlacementStrategy {",
            "  public int[] replicas(RingLayout ring, int position) {",
            "    int[] out = new int[ring.replicationFactor()];",
            "    int n = 0;",
            "    for (int step = 0; n < out.length; step++) {",
            "      int node = ring.ownerAt(position + step);",
            "      boolean seen = false;",
            "      for (int i = 0; i < n; i++) seen |= out[i] == node;",
            "      if (ring.isMember(node) && !seen) out[n++] = node;",
            "    }",
            "    return out;",
            "  }",
            "}", ""), "NextNodes", "UNEXPECTED local-quorum-availability = "));
  }

  @ParameterizedTest
  @MethodSource("extensionPoints")
  void theReferenceClassPassesTheLabAndAWrongOneFailsIt(int number, String reference, String referenceClass,
      String wrongSource, String wrongClass, String wrongFinding) throws Exception {
    Lab lab = Labs.byNumber(number).orElseThrow();
    CliOutcome right = geosim("lab", "check", Integer.toString(number), "--quick", "--quiet", "--student-dir",
        Path.of("..", "docs/labs/instructor", reference).toString(), "--out", sweeps.resolve("ref-" + number).toString());
    assertEquals(0, right.code(), right.out() + right.err());
    assertTrue(right.out().contains("runs with your " + lab.extension().key() + " = " + referenceClass), right.out());
    assertEquals(lab.findings().size(), count(right.out(), "  ok "), right.out());

    Files.writeString(tmp.resolve(wrongClass + ".java"), wrongSource);
    CliOutcome wrong = geosim("lab", "check", Integer.toString(number), "--quick", "--quiet", "--student-dir",
        tmp.toString(), "--out", sweeps.resolve("wrong-" + number).toString());
    assertEquals(1, wrong.code(), wrong.out() + wrong.err());
    assertTrue(wrong.out().contains(wrongFinding), wrong.out());
  }

  @Test
  void studentCodeThatDoesNotCompileOrFitIsBadInputWithFileAndLine() throws Exception {
    Path source = tmp.resolve("Broken.java");
    Files.writeString(source, "import geosim.store.gossip.FailureDetector;\npublic class Broken implements FailureDetector {\n"
        + "  public double phi(long nowNs) { return \"high\"; }\n}\n");
    CliOutcome broken = geosim("lab", "check", "3", "--quick", "--student-dir", tmp.toString());
    assertEquals(2, broken.code(), broken.out() + broken.err());
    assertTrue(broken.err().startsWith("geosim: your classes do not compile:\n" + source + ":2: "), broken.err());
    assertTrue(broken.err().contains(source + ":3: incompatible types"), broken.err());

    Files.writeString(source, "public class Broken {}\n");
    CliOutcome unrelated = geosim("lab", "check", "3", "--quick", "--student-dir", tmp.toString());
    assertEquals(2, unrelated.code());
    assertTrue(unrelated.err().startsWith("geosim: " + tmp + ": found no public class implementing "
        + "geosim.store.gossip.FailureDetector"), unrelated.err());

    CliOutcome noExtension = geosim("lab", "check", "1", "--student-dir", tmp.toString());
    assertEquals(2, noExtension.code());
    assertEquals("geosim: " + tmp + ": holds .java files, but lab 1 has no extension point; labs with one: "
        + Labs.withExtensions() + "\n", noExtension.err());
  }

  @Test
  void aMissingAnswerIsNamedAndFails() throws Exception {
    Lab lab = Labs.byNumber(3).orElseThrow();
    Files.writeString(tmp.resolve("answers.conf"), "seconds-per-phi = 2.5\n");
    CliOutcome o = check(3, "--student-dir", tmp.toString());
    assertEquals(1, o.code(), o.out());
    assertTrue(o.out().contains("MISSING detection-seconds-at-phi-5: " + lab.findings().get(0).question()
        + "; add `detection-seconds-at-phi-5 = <number>` to " + tmp.resolve("answers.conf")), o.out());
  }

  @Test
  void badAnswerFilesAreBadInputWithFileLineAndKey() throws Exception {
    Path answers = tmp.resolve("answers.conf");
    Files.writeString(answers, "# mine\nknee-utilization = about 0.8\n");
    CliOutcome word = geosim("lab", "check", "1", "--student-dir", tmp.toString());
    assertEquals(2, word.code());
    assertEquals("geosim: " + answers + ":2: knee-utilization: expected a number, got 'about 0.8'\n", word.err());

    Files.writeString(answers, "knee-utilisation = 0.8\n");
    CliOutcome key = geosim("lab", "check", "1", "--student-dir", tmp.toString());
    assertEquals(2, key.code());
    assertEquals("geosim: " + answers + ":1: knee-utilisation: not a question of lab 1; expected one of "
        + "[knee-utilization, p99-ms-at-0.9]\n", key.err());

    Files.delete(answers);
    CliOutcome none = geosim("lab", "check", "1", "--student-dir", tmp.toString());
    assertEquals(2, none.code());
    assertTrue(none.err().startsWith("geosim: " + answers + ": not found;"), none.err());

    CliOutcome lab = geosim("lab", "check", "42");
    assertEquals(2, lab.code());
    assertEquals("geosim: lab 42: no such lab; geosim lab list shows " + Labs.ALL.size() + " labs\n", lab.err());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
