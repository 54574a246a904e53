package geosim.scenario;

import static geosim.scenario.ValueReader.path;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import geosim.elastic.AutoscalerSettings;
import geosim.elastic.AutoscalingPolicy;
import geosim.elastic.ScalingStep;
import geosim.elastic.ScheduledAction;
import geosim.elastic.StepScaling;
import geosim.elastic.TargetTracking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code fleet.autoscaler}, a role's {@code fleet.roles[i].autoscaler} (merged over it), or
 * the store model's {@code store.autoscaler.app} and {@code store.autoscaler.store}, into {@link
 * AutoscalerSettings}: a known policy ({@code none}, {@code target-tracking}, {@code step}),
 * {@code 1 <= min <= max}, steps with {@code lower < upper}, scheduled actions in time order with
 * {@code min <= max}, durations >= 0.
 */
final class AutoscalerReader {
  static final String AT = "fleet.autoscaler";
  /** Most servers of one role in one region. Assumption: ten times Animoto's 5,000 (seed 001). */
  static final long SERVERS_MAX = 50_000;
  private static final String POLICIES = "none|target-tracking|step";
  /** The keys of an autoscaler block (as {@code fleet.autoscaler} in reference.conf). */
  static final Set<String> KEYS = Set.of("policy", "class", "target-cpu", "steps", "schedule", "min", "max",
      "cooldown", "scale-in-cooldown", "provisioning-delay", "drain", "evaluation-interval");

  private final ValueReader reader;
  private final Problems problems;
  /** The path of the block read, for problems. */
  private final String at;

  AutoscalerReader(ValueReader reader, Problems problems) {
    this(reader, problems, AT);
  }

  /** A reader of the autoscaler block at path {@code at}. */
  AutoscalerReader(ValueReader reader, Problems problems, String at) {
    this.reader = reader;
    this.problems = problems;
    this.at = at;
  }

  /** The settings, or null after reporting problems. */
  AutoscalerSettings read(ConfigValue a) {
    int before = problems.count();
    AutoscalingPolicy policy = policy(a);
    Long min = reader.integerAt(a, at, "min", 1, SERVERS_MAX);
    Long max = reader.integerAt(a, at, "max", 1, SERVERS_MAX);
    List<ScheduledAction> schedule = schedule(reader.child(a, at, "schedule"));
    Long cooldown = reader.durationNsAt(a, at, "cooldown", true);
    Long scaleIn = reader.durationNsAt(a, at, "scale-in-cooldown", true);
    Long delay = reader.durationNsAt(a, at, "provisioning-delay", true);
    Long drain = reader.durationNsAt(a, at, "drain", true);
    Long evaluation = reader.durationNsAt(a, at, "evaluation-interval", false);
    if (min != null && max != null && min > max) {
      problems.at(((ConfigObject) a).get("min"), path(at, "min"), "must be at most " + at + ".max = " + max + ", got " + min);
    }
    if (problems.count() != before) return null;
    return new AutoscalerSettings(policy, min.intValue(), max.intValue(), schedule, cooldown, scaleIn, delay, drain,
        evaluation);
  }

  private AutoscalingPolicy policy(ConfigValue a) {
    ConfigValue value = reader.child(a, at, "policy");
    String name = reader.string(path(at, "policy"), value);
    Double target = reader.decimalAt(a, at, "target-cpu", 0.01, 1);
    List<ScalingStep> steps = steps(reader.child(a, at, "steps"));
    AutoscalingPolicy own = ExtensionClasses.autoscaler(reader, problems, reader.child(a, at, "class"), path(at, "class"));
    if (name == null) return null;
    // A class of one's own replaces the built-in elastic policies; none stays a fixed fleet.
    if (own != null && List.of("target-tracking", "step").contains(name)) return own;
    switch (name) {
      case "none": return AutoscalingPolicy.NONE;
      case "target-tracking": return target == null ? null : new TargetTracking(target);
      case "step":
        if (steps != null && steps.isEmpty()) problems.at(value, path(at, "steps"), "policy = step needs at least one step");
        return steps == null || steps.isEmpty() ? null : new StepScaling(steps);
      default:
        problems.at(value, path(at, "policy"), "expected one of " + POLICIES + ", got '" + name + "'");
        return null;
    }
  }

  private List<ScalingStep> steps(ConfigValue value) {
    int before = problems.count();
    List<ScalingStep> steps = new ArrayList<>();
    new TopologyValues(reader, problems).eachObject(value, path(at, "steps"), "{ lower = 0.8, upper = 1, change = 0.5 }",
        Set.of("lower", "upper", "change"), (step, o) -> {
          Double lower = reader.decimalAt(o, step, "lower", 0, 1);
          Double upper = reader.decimalAt(o, step, "upper", 0, 1);
          Double change = reader.decimalAt(o, step, "change", -0.99, 100);
          if (lower == null || upper == null || change == null) return;
          if (upper <= lower) {
            problems.at(o.get("upper"), path(step, "upper"), "must be above lower = " + lower + ", got " + upper);
            return;
          }
          steps.add(new ScalingStep(lower, upper, change));
        });
    return problems.count() != before ? null : steps;
  }

  private List<ScheduledAction> schedule(ConfigValue value) {
    int before = problems.count();
    List<ScheduledAction> actions = new ArrayList<>();
    new TopologyValues(reader, problems).eachObject(value, path(at, "schedule"), "{ at = 1d, min = 10, max = 100 }",
        Set.of("at", "min", "max"), (action, o) -> {
          Long atNs = reader.durationNsAt(o, action, "at", true);
          Long min = reader.integerAt(o, action, "min", 1, SERVERS_MAX);
          Long max = reader.integerAt(o, action, "max", 1, SERVERS_MAX);
          if (atNs == null || min == null || max == null) return;
          if (min > max) {
            problems.at(o.get("min"), path(action, "min"), "must be at most max = " + max + ", got " + min);
          } else if (!actions.isEmpty() && atNs < actions.get(actions.size() - 1).atNs()) {
            problems.at(o.get("at"), path(action, "at"), "scheduled actions must be in time order");
          } else {
            actions.add(new ScheduledAction(atNs, min.intValue(), max.intValue()));
          }
        });
    return problems.count() != before ? null : actions;
  }
}
