package geosim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import geosim.kernel.CrossPartitionMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md section 3 and the kernel's own rules, checked on the bytecode. */
class ArchitectureTest {
  /** Messages that cross JVMs in a cluster may name their class for Jackson (docs/cluster.md). */
  private static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.annotation..";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("geosim");
  }

  @Test
  void theKernelDependsOnNoModel() {
    noClasses().that().resideInAPackage("geosim.kernel..")
        .should().dependOnClassesThat().resideInAnyPackage("geosim.ping..", "geosim.phold..", "geosim.scenario..")
        .check(classes);
  }

  @Test
  void modelsDependOnlyOnTheKernelBelowThem() {
    noClasses().that().resideInAnyPackage("geosim.ping..", "geosim.phold..")
        .should().dependOnClassesThat().resideInAPackage("geosim.scenario..")
        .check(classes);
  }

  @Test
  void nodeResourcesSitBetweenTheKernelAndTheModelsThatUseThem() {
    noClasses().that().resideInAPackage("geosim.kernel..")
        .should().dependOnClassesThat().resideInAnyPackage("geosim.node..", "geosim.queue..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.node..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("geosim.queue..", "geosim.ping..", "geosim.phold..", "geosim.scenario..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.queue..")
        .should().dependOnClassesThat().resideInAnyPackage("geosim.ping..", "geosim.phold..", "geosim.scenario..")
        .check(classes);
  }

  @Test
  void costAndElasticityArePureAndTheFleetSitsOnThem() {
    classes().that().resideInAnyPackage("geosim.cost..", "geosim.elastic..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("geosim.cost..", "geosim.elastic..", "java..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.cost..").should().dependOnClassesThat().resideInAPackage("geosim.elastic..")
        .check(classes);
    classes().that().resideInAPackage("geosim.fleet..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.fleet..", "geosim.elastic..", "geosim.cost..", "geosim.workload..", "geosim.node..",
            "geosim.kernel..", "java..", "org.HdrHistogram..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.node..", "geosim.workload..", "geosim.store..")
        .should().dependOnClassesThat().resideInAnyPackage("geosim.fleet..", "geosim.elastic..", "geosim.cost..")
        .check(classes);
  }

  @Test
  void theStoreAutoscalersSitOnTheStoreAndTheElasticLogicAndNothingBelowKnowsThem() {
    classes().that().resideInAPackage("geosim.autoscale..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.autoscale..", "geosim.elastic..", "geosim.store.node..", "geosim.store.client..",
            "geosim.fabric..", "geosim.kernel..", "java..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.node..", "geosim.store..", "geosim.elastic..",
            "geosim.fabric..", "geosim.fleet..")
        .should().dependOnClassesThat().resideInAPackage("geosim.autoscale..")
        .check(classes);
  }

  @Test
  void theNetworkSitsOnTheTopologyAndTheKernelOnly() {
    classes().that().resideInAPackage("geosim.network..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.network..", "geosim.topology..", "geosim.kernel..", "java..")
        .check(classes);
  }

  @Test
  void theFabricSitsOnTheKernelTopologyAndNetwork() {
    classes().that().resideInAPackage("geosim.fabric..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.fabric..", "geosim.network..", "geosim.topology..", "geosim.kernel..",
            "java..", "org.HdrHistogram..", JACKSON_ANNOTATIONS)
        .check(classes);
  }

  @Test
  void theStoreRingSitsOnTheTopologyAndTheKernelOnly() {
    // Commons RNG: StreamRandom, the kernel's stream, inherits nextLong() from it.
    classes().that().resideInAPackage("geosim.store.ring..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.ring..", "geosim.topology..", "geosim.kernel..", "java..",
            "org.apache.commons.rng..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.topology..", "geosim.network..", "geosim.node..",
            "geosim.fabric..")
        .should().dependOnClassesThat().resideInAPackage("geosim.store..")
        .check(classes);
  }

  @Test
  void netpingSitsOnTheFabricAndNode() {
    classes().that().resideInAPackage("geosim.netping..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.netping..", "geosim.fabric..", "geosim.network..", "geosim.topology..",
            "geosim.node..", "geosim.kernel..", "java..", "org.HdrHistogram..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.network..", "geosim.topology..", "geosim.node..",
            "geosim.fabric..")
        .should().dependOnClassesThat().resideInAPackage("geosim.netping..")
        .check(classes);
  }

  @Test
  void gossipSitsOnTheKernelOnly() {
    classes().that().resideInAPackage("geosim.store.gossip..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.gossip..", "geosim.topology..", "geosim.kernel..", "java..",
            JACKSON_ANNOTATIONS)
        .check(classes);
  }

  @Test
  void theStorageEngineIsPureAndSitsOnTheKernelOnly() {
    classes().that().resideInAPackage("geosim.store.storage..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.storage..", "geosim.kernel..", "java..")
        .check(classes);
  }

  @Test
  void theConsistencyAuditSitsOnTheStorageCellsAndTheKernelOnly() {
    classes().that().resideInAPackage("geosim.store.audit..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.audit..", "geosim.store.storage..", "geosim.kernel..", "java..",
            "org.HdrHistogram..")
        .check(classes);
  }

  @Test
  void theDetectorModelSitsOnTheFabricAndGossip() {
    classes().that().resideInAPackage("geosim.store.detect..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.detect..", "geosim.store.gossip..", "geosim.fabric..", "geosim.network..",
            "geosim.topology..", "geosim.kernel..", "java..", "org.HdrHistogram..")
        .check(classes);
  }

  @Test
  void repairSitsOnTheRingStorageNodeResourcesAndFabric() {
    classes().that().resideInAPackage("geosim.store.repair..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.repair..", "geosim.store.ring..", "geosim.store.storage..", "geosim.fabric..",
            "geosim.node..", "geosim.kernel..", "java..")
        .check(classes);
  }

  @Test
  void storeNodesSitOnTheFabricRingStorageAndNode() {
    classes().that().resideInAPackage("geosim.store.node..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.node..", "geosim.store.ring..", "geosim.store.storage..", "geosim.store.repair..",
            "geosim.store.audit..", "geosim.store.gossip..", "geosim.faults..", "geosim.fabric..", "geosim.network..",
            "geosim.node..", "geosim.topology..", "geosim.kernel..", "java..", "org.HdrHistogram..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.store.ring..", "geosim.store.storage..", "geosim.store.gossip..",
            "geosim.store.pbs..", "geosim.store.detect..", "geosim.store.repair..", "geosim.store.audit..")
        .should().dependOnClassesThat().resideInAPackage("geosim.store.node..")
        .check(classes);
  }

  @Test
  void theCacheTierSitsOnTheKernelFabricMessagesAndNodeResources() {
    classes().that().resideInAPackage("geosim.store.cache..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.cache..", "geosim.fabric..", "geosim.node..", "geosim.kernel..", "java..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.store..").and().resideOutsideOfPackage("geosim.store.client..")
        .and().resideOutsideOfPackage("geosim.store.cache..")
        .should().dependOnClassesThat().resideInAPackage("geosim.store.cache..")
        .check(classes);
  }

  @Test
  void theObjectStoreSitsOnTheKernelAndFabricMessages() {
    classes().that().resideInAPackage("geosim.store.objects..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.objects..", "geosim.fabric..", "geosim.kernel..", "java..",
            "org.HdrHistogram..", "org.apache.commons.rng..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.store..").and().resideOutsideOfPackage("geosim.store.client..")
        .and().resideOutsideOfPackage("geosim.store.objects..")
        .should().dependOnClassesThat().resideInAPackage("geosim.store.objects..")
        .check(classes);
  }

  @Test
  void theRelationalTierSitsOnTheKernelAndNodeResources() {
    // geosim.fabric only for FabricMessage, so that the store's app servers can call the database.
    classes().that().resideInAPackage("geosim.relational..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.relational..", "geosim.node..", "geosim.kernel..", "java..", "org.HdrHistogram..",
            "org.apache.commons.rng..", "geosim.fabric..")
        .check(classes);
    // The store's app tier (geosim.store.client) calls it; the store itself does not.
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.node..", "geosim.store..", "geosim.workload..")
        .and().resideOutsideOfPackage("geosim.store.client..")
        .should().dependOnClassesThat().resideInAPackage("geosim.relational..")
        .check(classes);
  }

  @Test
  void storeClientsSitOnTheStoreNodesAndTheWorkloadLibrary() {
    classes().that().resideInAPackage("geosim.store.client..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.store.client..", "geosim.store.cache..", "geosim.store.objects..", "geosim.store.node..", "geosim.store.ring..", "geosim.workload..",
            "geosim.relational..", "geosim.fabric..", "geosim.node..", "geosim.topology..", "geosim.kernel..", "java..", "org.HdrHistogram..")
        .check(classes);
    noClasses().that().resideInAPackage("geosim.store..").and().resideOutsideOfPackage("geosim.store.client..")
        .should().dependOnClassesThat().resideInAPackage("geosim.store.client..")
        .check(classes);
  }

  @Test
  void workloadsArePureAndSitOnTheKernelOnly() {
    classes().that().resideInAPackage("geosim.workload..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.workload..", "geosim.kernel..", "java..", "org.apache.commons.rng..")
        .check(classes);
  }

  @Test
  void theFaultPlanSitsOnTheNetworkTopologyAndKernelOnly() {
    // The network's cuts and flows, the topology's elements (random faults of every rack), and the
    // kernel's seeded streams (random faults are drawn before the run).
    classes().that().resideInAPackage("geosim.faults..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("geosim.faults..", "geosim.network..", "geosim.topology..", "geosim.kernel..", "java..",
            "org.apache.commons.rng..")
        .check(classes);
    noClasses().that().resideInAnyPackage("geosim.kernel..", "geosim.topology..", "geosim.network..", "geosim.node..",
            "geosim.fabric..")
        .should().dependOnClassesThat().resideInAPackage("geosim.faults..")
        .check(classes);
  }

  @Test
  void simCoreHasNoUserInterfaceOrCommandLine() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("javafx..", "picocli..", "me.tongfei..", "java.awt..", "javax.swing..")
        .check(classes);
  }

  @Test
  void simCoreNeverReadsTheWallClockOrMakesItsOwnRandomness() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random")
        .orShould().callConstructor(java.util.Random.class)
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .check(classes);
  }

  @Test
  void crossPartitionMessagesAreRecords() {
    classes().that().implement(CrossPartitionMessage.class).and().areNotInterfaces()
        .should(new ArchCondition<JavaClass>("be records") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            boolean record = item.reflect().isRecord();
            events.add(new SimpleConditionEvent(item, record, item.getName() + (record ? " is" : " is not") + " a record"));
          }
        })
        .check(classes);
  }
}
