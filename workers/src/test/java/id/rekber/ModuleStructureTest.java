package id.rekber;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules (docs/modules.md) have no cycles and use each other only through their
 * published types and declared dependencies. Writes the module documentation (component diagrams
 * and module canvases) to docs/modulith, so the pages always show the code as it is.
 */
class ModuleStructureTest {
  static final ApplicationModules MODULES = ApplicationModules.of(RekberApplication.class);

  @Test
  void modulesHaveNoCyclesAndRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modulith"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
