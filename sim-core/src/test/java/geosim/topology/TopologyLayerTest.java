package geosim.topology;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The topology is the layer right above the kernel (DESIGN.md section 3): it may use the kernel
 * and the JDK, nothing else of geosim and no config library (reading HOCON is the scenario
 * layer's job).
 */
class TopologyLayerTest {
  @Test
  void topologyDependsOnlyOnTheKernelAndTheJdk() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("geosim");
    classes().that().resideInAPackage("geosim.topology..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("geosim.topology..", "geosim.kernel..", "java..")
        .check(classes);
  }
}
