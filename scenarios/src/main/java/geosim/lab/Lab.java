package geosim.lab;

import geosim.sweep.Variation;
import java.util.List;
import java.util.Objects;

/**
 * A teaching lab: a scenario under {@code configs/labs/}, the sweep that shows its phenomenon, and
 * the findings a student should read off it. Its text is {@link #doc}; the instructor's answers
 * are in {@link #instructorDoc} and, as an answers file {@code lab check} accepts, {@link
 * #instructorAnswers}.
 *
 * @param number 1, 2, ...
 * @param slug the file name stem, e.g. {@code queueing}
 * @param title one line
 * @param variations what the sweep varies (the full factorial is run)
 * @param replications runs per point
 * @param quickOverrides settings of {@code --quick}, a shorter sweep for a first look (and tests)
 * @param quickReplications runs per point with {@code --quick}
 * @param shown the metrics {@code lab run} tabulates beside the varied values
 * @param findings what the student should find
 * @param timeline the series whose first and last times each run adds to its summary (see
 *     {@link Timeline}); empty when the lab needs none
 * @param extension where a student's class plugs in, or null when the lab has no extension point
 */
public record Lab(int number, String slug, String title, List<Variation> variations, int replications,
    List<String> quickOverrides, int quickReplications, List<String> shown, List<Finding> findings,
    List<Watch> timeline, Extension extension) {
  public Lab {
    Objects.requireNonNull(slug, "slug");
    variations = List.copyOf(variations);
    shown = List.copyOf(shown);
    quickOverrides = List.copyOf(quickOverrides);
    findings = List.copyOf(findings);
    timeline = List.copyOf(timeline);
  }

  /** A lab whose findings need no timeline. */
  public Lab(int number, String slug, String title, List<Variation> variations, int replications,
      List<String> quickOverrides, int quickReplications, List<String> shown, List<Finding> findings) {
    this(number, slug, title, variations, replications, quickOverrides, quickReplications, shown, findings, List.of(), null);
  }

  /** A lab with a timeline and no extension point. */
  public Lab(int number, String slug, String title, List<Variation> variations, int replications,
      List<String> quickOverrides, int quickReplications, List<String> shown, List<Finding> findings,
      List<Watch> timeline) {
    this(number, slug, title, variations, replications, quickOverrides, quickReplications, shown, findings, timeline, null);
  }

  /** This lab with {@code extension}. */
  public Lab withExtension(Extension extension) {
    return new Lab(number, slug, title, variations, replications, quickOverrides, quickReplications, shown, findings,
        timeline, extension);
  }

  /** {@code 01-queueing}. */
  public String name() {
    return String.format("%02d-%s", number, slug);
  }

  /** The lab's scenario, relative to geosim's home. */
  public String config() {
    return "configs/labs/" + name() + ".conf";
  }

  /** The student's text. */
  public String doc() {
    return "docs/labs/" + name() + ".md";
  }

  /** The instructor's answers and notes. */
  public String instructorDoc() {
    return "docs/labs/instructor/" + name() + ".md";
  }

  /** The instructor's answers in the form a student hands in: an {@code answers.conf} folder. */
  public String instructorAnswers() {
    return "docs/labs/instructor/" + name();
  }
}
