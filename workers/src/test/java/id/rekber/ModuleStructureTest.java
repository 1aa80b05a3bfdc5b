package id.rekber;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules (docs/modules.md) have no cycles and use each other only through their
 * published types and declared dependencies. The module documentation in docs/modulith
 * (component diagrams and module canvases) is generated from the code; this test fails when the
 * committed pages differ from what the code says, and writes the fresh pages so they can be
 * committed.
 */
class ModuleStructureTest {
  // The single-node infrastructure is on the test classpath but not part of the application.
  static final ApplicationModules MODULES =
      ApplicationModules.of(RekberApplication.class, JavaClass.Predicates.resideInAPackage("id.rekber.singlenode.."));
  private static final Path COMMITTED = Path.of("../docs/modulith");

  @Test
  void modulesHaveNoCyclesAndRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void committedModuleDocumentationMatchesTheCode() throws IOException {
    Path fresh = Path.of("target/modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    List<String> stale = new ArrayList<>();
    Files.createDirectories(COMMITTED);
    try (Stream<Path> files = Files.list(fresh)) {
      for (Path file : files.sorted().toList()) {
        String page = normalized(Files.readString(file, StandardCharsets.UTF_8));
        Path committed = COMMITTED.resolve(file.getFileName());
        if (!Files.exists(committed) || !Files.readString(committed, StandardCharsets.UTF_8).equals(page)) {
          stale.add(file.getFileName().toString());
          Files.writeString(committed, page, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(stale).as("docs/modulith was stale and has been rewritten; commit it").isEmpty();
  }

  /** The documenter writes relations in no fixed order; sorted, the pages only change with the code. */
  static String normalized(String page) {
    List<String> lines = new ArrayList<>(page.lines().toList());
    List<Integer> relations = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Rel(")) {
        relations.add(i);
      }
    }
    List<String> sorted = relations.stream().map(lines::get).sorted().toList();
    for (int i = 0; i < relations.size(); i++) {
      lines.set(relations.get(i), sorted.get(i));
    }
    return String.join("\n", lines) + "\n";
  }
}
