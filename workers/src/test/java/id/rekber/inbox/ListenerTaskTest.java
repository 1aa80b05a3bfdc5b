package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task listener job as Camunda 8.8 sends it becomes a {@link ListenerTask}, and the workers answer
 * it with the documented REST command: {@code POST /v2/jobs/{jobKey}/completion}, for a denial with
 * {@code result: {type: "userTask", denied: true, deniedReason}} and never with variables (Orchestration
 * Cluster REST API, "Complete job"). The answers go to a local HTTP server standing in for the cluster.
 */
class ListenerTaskTest {
  static final long TASK = 2251799813690001L;
  static final long INSTANCE = 2251799813680001L;
  final ObjectMapper json = new ObjectMapper();
  final List<String[]> requests = new CopyOnWriteArrayList<>();
  HttpServer cluster;
  CamundaClient client;

  @BeforeEach
  void start() throws Exception {
    cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cluster.createContext("/", exchange -> {
      requests.add(new String[] {exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    cluster.start();
    URI address = URI.create("http://127.0.0.1:" + cluster.getAddress().getPort());
    client = CamundaClient.newClientBuilder().restAddress(address).grpcAddress(address).preferRestOverGrpc(true).build();
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.stop(0);
  }

  @Test
  void readsTheUserTaskDataAndTheVariablesOfACompletingJob() {
    ActivatedJob job = ListenerJobs.job("completing", 77L, TASK, "dispute-mediation", "Task_MediatorDecision", INSTANCE,
        List.of("mediator"), "2251799813685300", "2026-12-05T10:00:00.000Z", "mediator@rekber.test",
        Map.of("dealId", "RKB-1", "outcome", "REFUND", "reason", "Barang tidak sesuai foto."));

    ListenerTask task = ListenerTask.of(job);

    assertThat(task.jobKey()).isEqualTo(77L);
    assertThat(task.userTaskKey()).isEqualTo(TASK);
    assertThat(task.processId()).isEqualTo("dispute-mediation");
    assertThat(task.elementId()).isEqualTo("Task_MediatorDecision");
    assertThat(task.processInstanceKey()).isEqualTo(INSTANCE);
    assertThat(task.candidateGroups()).containsExactly("mediator");
    assertThat(task.formKey()).isEqualTo("2251799813685300");
    assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(task.assignee()).isEqualTo("mediator@rekber.test");
    assertThat(task.action()).isEqualTo("complete");
    assertThat(task.variables()).containsEntry("outcome", "REFUND").containsEntry("dealId", "RKB-1");
  }

  @Test
  void anEmptyAssigneeIsAnUnassignedTask() {
    ListenerTask task = ListenerTask.of(ListenerJobs.job("assigning", 78L, TASK, "kyc-approval", "Task_ReviewKyc", INSTANCE,
        List.of("compliance"), null, null, "", Map.of()));
    assertThat(task.assignee()).isNull();
    assertThat(task.dueAt()).isNull();
    assertThat(task.formKey()).isNull();
  }

  @Test
  void aJobThatIsNotAUserTaskListenerJobIsRefused() throws Exception {
    ActivatedJob job = ListenerJobs.job("creating", 79L, TASK, "payout", "Task_ReviewFailedPayout", INSTANCE, List.of("admin"), null, null,
        null, Map.of());
    ActivatedJob plain = new io.camunda.client.impl.response.ActivatedJobImpl(new io.camunda.client.impl.CamundaObjectMapper(),
        new io.camunda.client.impl.CamundaObjectMapper().fromJson(
            json.writeValueAsString(Map.of("jobKey", "80", "type", "deal-status", "processInstanceKey", "1", "processDefinitionKey", "1",
                "elementInstanceKey", "1", "variables", Map.of(), "customHeaders", Map.of(), "kind", "BPMN_ELEMENT")),
            io.camunda.client.protocol.rest.ActivatedJobResult.class));
    assertThat(ListenerTask.of(job).userTaskKey()).isEqualTo(TASK);
    assertThatThrownBy(() -> ListenerTask.of(plain)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a user task listener");
  }

  @Test
  void aDenialIsSentAsADeniedUserTaskResultWithTheReason() throws Exception {
    ActivatedJob job = completingJob(81L);
    TaskListenerWorkers.answerFor(client, job, ListenerVerdict.deny("Anda adalah pihak dalam transaksi ini."));

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0)[0]).isEqualTo("POST /v2/jobs/81/completion");
    JsonNode body = json.readTree(requests.get(0)[1]);
    assertThat(body.path("result").path("type").asText()).isEqualTo("userTask");
    assertThat(body.path("result").path("denied").asBoolean()).isTrue();
    assertThat(body.path("result").path("deniedReason").asText()).isEqualTo("Anda adalah pihak dalam transaksi ini.");
    assertThat(body.path("variables").isMissingNode() || body.path("variables").isNull() || body.path("variables").isEmpty()).isTrue();
  }

  @Test
  void anAcceptanceIsAPlainCompletionWithoutVariables() throws Exception {
    TaskListenerWorkers.answerFor(client, completingJob(82L), ListenerVerdict.ACCEPT);

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0)[0]).isEqualTo("POST /v2/jobs/82/completion");
    JsonNode body = json.readTree(requests.get(0)[1].isBlank() ? "{}" : requests.get(0)[1]);
    assertThat(body.path("result").path("denied").asBoolean(false)).isFalse();
    assertThat(body.path("variables").isMissingNode() || body.path("variables").isNull() || body.path("variables").isEmpty()).isTrue();
  }

  private static ActivatedJob completingJob(long key) {
    return ListenerJobs.job("completing", key, TASK, "dispute-mediation", "Task_MediatorDecision", INSTANCE, List.of("mediator"), null, null,
        "mediator@rekber.test", Map.of("outcome", "REFUND"));
  }
}
