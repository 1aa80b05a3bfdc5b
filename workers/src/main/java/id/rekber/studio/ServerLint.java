package id.rekber.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * bpmnlint on the server with CI's configuration ({@code processes/.bpmnlintrc}:
 * {@code bpmnlint:recommended} + {@code camunda-compat/camunda-cloud-8-8}), run as
 * {@code node tools/model-lint/lint-json.cjs} (the same pinned packages CI installs). Where Node.js
 * or the lint tools are not installed, the result says so as a warning: the browser editor lints
 * with the same rules through {@code @camunda/linting} either way (docs/studio.md, "Checks").
 */
@Component
class ServerLint {
  private final Path toolDir;
  private final Path config;
  private final ObjectMapper json = new ObjectMapper();

  ServerLint(@Value("${rekber.studio.lint-dir:tools/model-lint}") String toolDir,
      @Value("${rekber.studio.lint-config:processes/.bpmnlintrc}") String config) {
    this.toolDir = fromRepositoryRoot(toolDir);
    this.config = fromRepositoryRoot(config);
  }

  /** Relative paths are read from the working directory, or its parent (a module directory in tests). */
  private static Path fromRepositoryRoot(String path) {
    Path here = Path.of(path).toAbsolutePath();
    Path parent = Path.of("..").resolve(path).toAbsolutePath().normalize();
    return Files.exists(here) || Path.of(path).isAbsolute() ? here : parent;
  }

  boolean available() {
    return Files.isDirectory(toolDir.resolve("node_modules/bpmnlint")) && Files.isRegularFile(config) && node().isPresent();
  }

  List<Finding> lint(String bpmn) {
    if (!available()) {
      return List.of(Finding.warning("", "lint", "server-lint", "bpmnlint is not installed on this server (Node.js and "
          + toolDir + "); only the editor's lint ran"));
    }
    try {
      Process process = new ProcessBuilder(node().orElseThrow().toString(), "lint-json.cjs", config.toString())
          .directory(toolDir.toFile()).redirectErrorStream(false).start();
      try (var in = process.getOutputStream()) {
        in.write(bpmn.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return List.of(Finding.error("", "lint", "server-lint", "bpmnlint failed: "
            + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim()));
      }
      List<Finding> findings = new ArrayList<>();
      for (JsonNode report : json.readTree(out)) {
        String id = report.path("id").asText();
        String rule = report.path("rule").asText();
        String message = report.path("message").asText();
        findings.add("error".equals(report.path("category").asText())
            ? Finding.error(id, "lint", rule, message) : Finding.warning(id, "lint", rule, message));
      }
      return findings;
    } catch (IOException e) {
      return List.of(Finding.error("", "lint", "server-lint", "bpmnlint could not run: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(Finding.error("", "lint", "server-lint", "interrupted"));
    }
  }

  private static Optional<Path> node() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, "node");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
