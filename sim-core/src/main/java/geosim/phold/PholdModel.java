package geosim.phold;

import geosim.kernel.ActorRef;
import geosim.kernel.Kernel;
import geosim.kernel.KernelRuntime;
import geosim.kernel.KernelSettings;
import geosim.kernel.PartitionBy;
import geosim.kernel.RunResult;
import geosim.kernel.Sync;

/** PHOLD built on the kernel: one simulated actor per entity, each its own partition unit. */
public final class PholdModel {
  private final PholdEntity[] entities;
  private final Kernel kernel;

  private PholdModel(PholdEntity[] entities, Kernel kernel) {
    this.entities = entities;
    this.kernel = kernel;
  }

  /** Builds the model on {@code partitions} partitions; entities are spread evenly. */
  public static PholdModel build(PholdSettings settings, int partitions) {
    return build(settings, partitions, Sync.WINDOWS);
  }

  /** Builds the model on {@code partitions} partitions synchronised by {@code sync}. */
  public static PholdModel build(PholdSettings settings, int partitions, Sync sync) {
    KernelSettings kernelSettings = KernelSettings.of(settings.seed(), settings.endNs(), settings.lookaheadNs())
        .withPartitions(partitions, PartitionBy.SERVER).withSync(sync);
    Kernel.Builder builder = Kernel.builder(kernelSettings);
    @SuppressWarnings("unchecked")
    ActorRef<PholdEvent>[] refs = new ActorRef[settings.entities()];
    PholdEntity[] entities = new PholdEntity[settings.entities()];
    for (int i = 0; i < entities.length; i++) {
      entities[i] = new PholdEntity(settings, refs);
      refs[i] = builder.spawn(PholdSettings.path(i), entities[i]);
    }
    return new PholdModel(entities, builder.build());
  }

  public Kernel kernel() {
    return kernel;
  }

  /** Runs on {@code runtime} and fingerprints the entities' final counts. */
  public PholdOutcome run(KernelRuntime runtime) {
    RunResult result = kernel.run(runtime);
    long[] counts = new long[entities.length];
    for (int i = 0; i < counts.length; i++) counts[i] = entities[i].received();
    return new PholdOutcome(result.events(), PholdOutcome.fingerprint(counts),
        kernel.partitionCount(), result.windows());
  }
}
