package geosim.cluster;

import geosim.cluster.RunProtocol.Chunk;
import geosim.cluster.RunProtocol.HostCommand;
import geosim.cluster.RunProtocol.RunDriverCommand;
import geosim.cluster.RunProtocol.SendEndState;
import geosim.scenario.EndState;
import geosim.scenario.Simulation;
import geosim.store.audit.KeyCells;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The driver's side of a distributed run's end: asks every host for its partitions' end state,
 * merges the parts ({@link EndState#merge}); for a store, works out the keys the audit needs and
 * the final ring from the merged state, asks every host for its replicas' cells of them, and
 * merges those. Completes {@code done} with the whole end state: what one JVM would have taken
 * over every partition. Runs on the {@link RunDriver}'s actor; values travel in {@link Chunk}s.
 */
final class EndStateCollector {
  private final ActorContext<RunDriverCommand> ctx;
  private final String runId;
  private final List<ActorRef<HostCommand>> hosts;
  private final Simulation simulation;
  private final CompletableFuture<EndState> done;
  private final Chunks[] receiving;
  private final Object[] received;
  private final java.io.PrintStream log;
  private String expecting = Chunk.END_STATE;
  private EndState merged;
  private long bytes;
  private long chunks;

  EndStateCollector(ActorContext<RunDriverCommand> ctx, String runId, List<ActorRef<HostCommand>> hosts,
      Simulation simulation, CompletableFuture<EndState> done, java.io.PrintStream log) {
    this.ctx = ctx;
    this.log = log;
    this.runId = runId;
    this.hosts = List.copyOf(hosts);
    this.simulation = simulation;
    this.done = done;
    this.receiving = new Chunks[hosts.size()];
    this.received = new Object[hosts.size()];
  }

  /** Asks every host for its end state at {@code endNs}. */
  void start(long endNs) {
    for (ActorRef<HostCommand> host : hosts) host.tell(new SendEndState(runId, endNs, ctx.getSelf()));
  }

  /** What is still awaited, for a timeout's message. */
  String awaiting() {
    List<String> missing = new ArrayList<>();
    for (int h = 0; h < hosts.size(); h++) {
      if (received[h] == null) missing.add(hosts.get(h).path().address().toString());
    }
    return (expecting.equals(Chunk.END_STATE) ? "end state" : "replicas' cells") + " from " + missing;
  }

  /** A piece of a host's answer; with the last one of the last host, the next step or the end. */
  void onChunk(Chunk c) {
    int h = hosts.indexOf(c.from());
    if (done.isDone() || h < 0 || !c.runId().equals(runId) || !c.kind().equals(expecting)) return;
    if (receiving[h] == null) receiving[h] = new Chunks(c.count());
    bytes += c.bytes().length;
    chunks++;
    if (!receiving[h].add(c.index(), c.count(), c.bytes())) return;
    Class<?> type = expecting.equals(Chunk.END_STATE) ? EndState.class : KeyCells.class;
    received[h] = receiving[h].value(type);
    receiving[h] = null;
    for (Object part : received) {
      if (part == null) return;
    }
    if (expecting.equals(Chunk.END_STATE)) {
      merged = EndState.merge(parts(EndState.class));
      if (merged.store() == null) {
        complete(merged);
      } else {
        askForCells();
      }
    } else {
      complete(merged.withCells(KeyCells.merge(parts(KeyCells.class))));
    }
  }

  private void complete(EndState whole) {
    log.printf("geosim: end state from %d worker(s): %d bytes in %d chunk(s)%n", hosts.size(), bytes, chunks);
    done.complete(whole);
  }

  private void askForCells() {
    CellsQuery query = new CellsQuery(simulation.auditedKeys(merged), simulation.placementIndexAtEnd(merged));
    List<byte[]> pieces = Chunks.split(query, Chunks.chunkBytes(ctx.getSystem()));
    expecting = Chunk.KEY_CELLS;
    java.util.Arrays.fill(received, null);
    for (ActorRef<HostCommand> host : hosts) {
      for (int i = 0; i < pieces.size(); i++) {
        host.tell(new Chunk(runId, Chunk.CELLS_QUERY, i, pieces.size(), pieces.get(i), ctx.getSelf()));
      }
    }
  }

  private <T> List<T> parts(Class<T> type) {
    List<T> parts = new ArrayList<>();
    for (Object part : received) parts.add(type.cast(part));
    return parts;
  }
}
