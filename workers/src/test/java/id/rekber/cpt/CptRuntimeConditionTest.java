package id.rekber.cpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The CPT suite runs only against a runtime that answers; otherwise it is skipped with a reason. */
class CptRuntimeConditionTest {

  private static ConditionEvaluationResult evaluate(Map<String, String> env) {
    return new CptRuntimeCondition(env::get, new CptRuntimeCondition()::topologyProblem).evaluateExecutionCondition(null);
  }

  @Test
  void withoutTheVariableTheSuiteIsSkippedAndSaysWhy() {
    ConditionEvaluationResult result = evaluate(Map.of());
    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r).startsWith("REKBER_CPT_RUNTIME not set: "));
  }

  @Test
  void whenNothingAnswersTheSuiteIsSkippedAndSaysWhere() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ConditionEvaluationResult result = evaluate(Map.of("REKBER_CPT_RUNTIME", "http://127.0.0.1:" + port + "/"));
    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(r ->
        assertThat(r).startsWith("no Camunda runtime answers at http://127.0.0.1:" + port + "/v2/topology: "));
  }

  @Test
  void aRuntimeThatAnswersTheTopologyRunsTheSuiteAndOneThatFailsDoesNot() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/topology", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/broken/v2/topology", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(evaluate(Map.of("REKBER_CPT_RUNTIME", base)).isDisabled()).isFalse();
      ConditionEvaluationResult broken = evaluate(Map.of("REKBER_CPT_RUNTIME", base + "/broken"));
      assertThat(broken.isDisabled()).isTrue();
      assertThat(broken.getReason()).hasValueSatisfying(r -> assertThat(r).endsWith("/broken/v2/topology: HTTP 503"));
    } finally {
      server.stop(0);
    }
  }
}
