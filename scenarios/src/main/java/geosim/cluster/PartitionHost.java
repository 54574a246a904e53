package geosim.cluster;

import geosim.cluster.RunProtocol.HostCommand;
import geosim.cluster.RunProtocol.HostPartitions;
import geosim.cluster.RunProtocol.HostingFailed;
import geosim.cluster.RunProtocol.PartitionsHosted;
import geosim.scenario.ScenarioLoader;
import geosim.scenario.Simulation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A worker member's host of distributed runs' partitions. For a {@link HostPartitions} it builds
 * the whole scenario from the shipped text (deterministic: the same actors, placement and random
 * streams as on the driver) and spawns the actors of the partitions it was given, which the
 * driver's coordinator then drives by Pekko messages as if they were local. It death-watches the
 * driver: when the run's driver leaves (the run ended, failed, or the driver died), the run's
 * partitions are stopped and their model is freed.
 */
public final class PartitionHost {
  /** Hosts register under this key; a run's driver places partitions on the hosts it lists. */
  public static final ServiceKey<HostCommand> KEY = ServiceKey.create(HostCommand.class, "geosim-partition-host");

  private record DriverGone(ActorRef<RunProtocol.RunDriverCommand> driver) implements HostCommand {}

  private final ActorContext<HostCommand> ctx;
  private final PrintStream out;
  /** The partition actors hosted for each driver (one run per driver at a time). */
  private final Map<ActorRef<RunProtocol.RunDriverCommand>, List<ActorRef<?>>> byDriver = new LinkedHashMap<>();

  private PartitionHost(ActorContext<HostCommand> ctx, PrintStream out) {
    this.ctx = ctx;
    this.out = out;
  }

  /** A host that prints a line for each run it joins and leaves to {@code out}. */
  public static Behavior<HostCommand> create(PrintStream out) {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
      PartitionHost host = new PartitionHost(ctx, out);
      return Behaviors.receive(HostCommand.class)
          .onMessage(HostPartitions.class, host::onHost)
          .onMessage(DriverGone.class, host::onDriverGone)
          .build();
    });
  }

  private Behavior<HostCommand> onHost(HostPartitions h) {
    List<ActorRef<?>> actors = new ArrayList<>();
    try {
      Simulation sim = Simulation.create(ScenarioLoader.parse(h.scenarioName(), h.resolvedText(), List.of()));
      if (sim.partitionCount() != h.partitionCount()) {
        throw new IllegalStateException("the scenario built " + sim.partitionCount() + " partition(s) here, "
            + h.partitionCount() + " on the driver: are both on the same geosim build?");
      }
      for (int p : h.partitions()) actors.add(spawn(sim, h.runId(), p));
    } catch (Exception e) {
      for (ActorRef<?> a : actors) ctx.stop(a);
      h.driver().tell(new HostingFailed(h.runId(), String.valueOf(e.getMessage() == null ? e : e.getMessage()),
          ctx.getSelf()));
      return Behaviors.same();
    }
    List<ActorRef<?>> hosted = byDriver.get(h.driver());
    if (hosted == null) {
      ctx.watchWith(h.driver(), new DriverGone(h.driver()));
      byDriver.put(h.driver(), new ArrayList<>(actors));
    } else {
      hosted.addAll(actors);
    }
    out.printf("geosim: worker hosting partition(s) %s of a run of %s for %s%n", h.partitions(), h.scenarioName(),
        h.driver().path().address());
    h.driver().tell(new PartitionsHosted(h.runId(), h.partitions(), actors, ctx.getSelf()));
    return Behaviors.same();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private ActorRef<?> spawn(Simulation sim, String runId, int partition) {
    Behavior<Object> behavior = (Behavior) sim.partitionBehavior(partition);
    return ctx.spawn(behavior, "run-" + runId + "-partition-" + partition, sim.partitionDispatcher());
  }

  private Behavior<HostCommand> onDriverGone(DriverGone gone) {
    List<ActorRef<?>> actors = byDriver.remove(gone.driver());
    if (actors != null) {
      for (ActorRef<?> a : actors) ctx.stop(a);
      out.printf("geosim: worker released the partitions it hosted for %s%n", gone.driver().path().address());
    }
    return Behaviors.same();
  }
}
