package geosim.cluster;

import geosim.cluster.RunProtocol.Chunk;
import geosim.cluster.RunProtocol.HostCommand;
import geosim.cluster.RunProtocol.HostPartitions;
import geosim.cluster.RunProtocol.HostingFailed;
import geosim.cluster.RunProtocol.PartitionsHosted;
import geosim.cluster.RunProtocol.SendEndState;
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
 * partitions are stopped and their model is freed. After the run it answers the driver's {@link
 * SendEndState} with its partitions' end state and a store's {@link CellsQuery} with their
 * replicas' cells, both in {@link Chunk}s.
 */
public final class PartitionHost {
  /** Hosts register under this key; a run's driver places partitions on the hosts it lists. */
  public static final ServiceKey<HostCommand> KEY = ServiceKey.create(HostCommand.class, "geosim-partition-host");

  private record DriverGone(ActorRef<RunProtocol.RunDriverCommand> driver) implements HostCommand {}

  private final ActorContext<HostCommand> ctx;
  private final PrintStream out;
  /** The partition actors hosted for each driver (one run per driver at a time). */
  private final Map<ActorRef<RunProtocol.RunDriverCommand>, List<ActorRef<?>>> byDriver = new LinkedHashMap<>();
  /** The runs hosted, by run id: their model (read after the run for its end state) and partitions. Looked up only. */
  private final Map<String, Hosted> runs = new LinkedHashMap<>();

  /** One run's model as built here, its partitions, and a store's cells query being received. */
  private static final class Hosted {
    final Simulation sim;
    final List<Integer> partitions;
    final ActorRef<RunProtocol.RunDriverCommand> driver;
    Chunks query;

    Hosted(Simulation sim, List<Integer> partitions, ActorRef<RunProtocol.RunDriverCommand> driver) {
      this.sim = sim;
      this.partitions = partitions;
      this.driver = driver;
    }
  }

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
          .onMessage(SendEndState.class, host::onSendEndState)
          .onMessage(Chunk.class, host::onChunk)
          .build();
    });
  }

  private Behavior<HostCommand> onHost(HostPartitions h) {
    List<ActorRef<?>> actors = new ArrayList<>();
    Simulation sim;
    try {
      sim = Simulation.create(ScenarioLoader.parse(h.scenarioName(), h.resolvedText(), List.of()));
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
    runs.put(h.runId(), new Hosted(sim, h.partitions(), h.driver()));
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

  /**
   * The run is over: its partitions' end state, in chunks (read on this actor's thread: the
   * partition actors wait for windows that never come).
   */
  private Behavior<HostCommand> onSendEndState(SendEndState s) {
    Hosted run = runs.get(s.runId());
    try {
      if (run == null) throw new IllegalStateException("this worker hosts no partitions of run " + s.runId());
      send(s.runId(), Chunk.END_STATE, run.sim.endState(s.endNs(), run.partitions), s.driver());
    } catch (RuntimeException e) {
      s.driver().tell(new HostingFailed(s.runId(), "could not take its partitions' end state: " + e, ctx.getSelf()));
    }
    return Behaviors.same();
  }

  /** A piece of a store's cells query; with the last piece, the cells of the keys it names, in chunks. */
  private Behavior<HostCommand> onChunk(Chunk c) {
    Hosted run = runs.get(c.runId());
    if (run == null || !c.kind().equals(Chunk.CELLS_QUERY)) return Behaviors.same();
    try {
      if (run.query == null) run.query = new Chunks(c.count());
      if (!run.query.add(c.index(), c.count(), c.bytes())) return Behaviors.same();
      CellsQuery query = run.query.value(CellsQuery.class);
      run.query = null;
      send(c.runId(), Chunk.KEY_CELLS, run.sim.keyCells(query.keys(), query.atEndIndex(), run.partitions), run.driver);
    } catch (RuntimeException e) {
      run.driver.tell(new HostingFailed(c.runId(), "could not take its replicas' cells: " + e, ctx.getSelf()));
    }
    return Behaviors.same();
  }

  private void send(String runId, String kind, Object value, ActorRef<RunProtocol.RunDriverCommand> to) {
    List<byte[]> pieces = Chunks.split(value, Chunks.chunkBytes(ctx.getSystem()));
    for (int i = 0; i < pieces.size(); i++) {
      to.tell(new Chunk(runId, kind, i, pieces.size(), pieces.get(i), ctx.getSelf()));
    }
  }

  private Behavior<HostCommand> onDriverGone(DriverGone gone) {
    runs.values().removeIf(run -> run.driver.equals(gone.driver()));
    List<ActorRef<?>> actors = byDriver.remove(gone.driver());
    if (actors != null) {
      for (ActorRef<?> a : actors) ctx.stop(a);
      out.printf("geosim: worker released the partitions it hosted for %s%n", gone.driver().path().address());
    }
    return Behaviors.same();
  }
}
