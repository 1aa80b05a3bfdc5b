package id.rekber.cpt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a Camunda Process Test class only when a Camunda runtime is named and answers; otherwise the
 * class is skipped with the reason in the test report (decision 27). Never a failure, never a silent
 * pass: {@code REKBER_CPT_RUNTIME} is the runtime's REST address, and {@code GET <it>/v2/topology}
 * must answer 200 within a few seconds.
 */
public class CptRuntimeCondition implements ExecutionCondition {
  static final String RUNTIME = "REKBER_CPT_RUNTIME";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Map<String, ConditionEvaluationResult> ASKED = new ConcurrentHashMap<>();

  private final Function<String, String> env;
  private final Function<URI, String> probe;

  public CptRuntimeCondition() {
    this(System::getenv, CptRuntimeCondition::topology);
  }

  /** The real question to the runtime, for tests that give their own environment. */
  String topologyProblem(URI uri) {
    return topology(uri);
  }

  /** For tests: where the variables come from, and how the runtime is asked (null = it answered 200). */
  CptRuntimeCondition(Function<String, String> env, Function<URI, String> probe) {
    this.env = env;
    this.probe = probe;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String runtime = env.apply(RUNTIME);
    if (runtime == null || runtime.isBlank()) {
      return ConditionEvaluationResult.disabled(RUNTIME + " not set: the Camunda Process Test suite needs a Camunda 8.8 runtime"
          + " with clock control (docker-compose.cpt.yml; see docs/architecture.md, \"Camunda Process Test\")");
    }
    String base = runtime.strip().replaceAll("/+$", "");
    return ASKED.computeIfAbsent(base, this::ask);
  }

  private ConditionEvaluationResult ask(String base) {
    URI topology;
    try {
      topology = URI.create(base + "/v2/topology");
    } catch (IllegalArgumentException e) {
      return ConditionEvaluationResult.disabled("no Camunda runtime answers at " + base + "/v2/topology: not a URL");
    }
    String problem = probe.apply(topology);
    return problem == null
        ? ConditionEvaluationResult.enabled("Camunda runtime answers at " + topology)
        : ConditionEvaluationResult.disabled("no Camunda runtime answers at " + topology + ": " + problem);
  }

  private static String topology(URI uri) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
  }
}
