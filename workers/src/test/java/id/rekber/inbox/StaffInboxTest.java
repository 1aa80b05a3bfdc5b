package id.rekber.inbox;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff inbox on the embedded engine: claim rules, filters, and tasks the engine ends by
 * itself (an escalation timer) leaving the inbox.
 */
@IntegrationTest
class StaffInboxTest {
  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired TimeMachine time;

  @Test
  void oneStaffMemberWorksATaskAtATimeAndTheFirstCompletionWins() {
    String process = deployTask("admin,mediator", null);
    String marker = start(process);
    long key = awaitTask(MEDIATOR, marker).get("key").asLong();

    assertThat(inbox(ADMIN, "?assignment=unassigned&q=" + marker)).hasSize(1);
    JsonNode claimed = ApiClient.as(port, MEDIATOR).post("/api/inbox/tasks/" + key + "/claim", Map.of()).json();
    assertThat(claimed.get("assignee").asText()).isEqualTo(MEDIATOR);
    assertThat(inbox(MEDIATOR, "?assignment=mine&q=" + marker)).hasSize(1);
    assertThat(inbox(ADMIN, "?assignment=unassigned&q=" + marker)).isEmpty();
    assertThat(inbox(ADMIN, "?assignment=mine&q=" + marker)).isEmpty();

    // Someone else's task: no claiming over it, no completing it.
    ApiClient.Response grab = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/claim", Map.of());
    assertThat(grab.status()).isEqualTo(409);
    assertThat(grab.json().get("detail").asText()).contains(MEDIATOR);
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", Map.of("ok", true)).status()).isEqualTo(409);
    // Other groups and members never see it.
    assertThat(ApiClient.as(port, COMPLIANCE).post("/api/inbox/tasks/" + key + "/claim", Map.of()).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, BUDI).post("/api/inbox/tasks/" + key + "/claim", Map.of()).status()).isEqualTo(403);

    // An admin may take a task back from a colleague (someone is ill); then it is theirs.
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/unclaim", Map.of()).json().path("assignee").isNull()).isTrue();
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/claim", Map.of()).status()).isEqualTo(200);
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", Map.of("ok", true)).status()).isEqualTo(204);

    ApiClient.Response late = ApiClient.as(port, MEDIATOR).post("/api/inbox/tasks/" + key + "/complete", Map.of("ok", true));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("code").asText()).isEqualTo("task.already-done");
    assertThat(inbox(MEDIATOR, "?q=" + marker)).isEmpty();
  }

  @Test
  void aTaskTheEngineEndsLeavesTheInbox() {
    String process = deployTask("admin", Duration.ofHours(1));
    String marker = start(process);
    long key = awaitTask(ADMIN, marker).get("key").asLong();
    assertThat(ApiClient.as(port, ADMIN).get("/api/inbox/tasks/" + key).json().get("status").asText()).isEqualTo("OPEN");

    time.advance(Duration.ofHours(2));

    await().atMost(Duration.ofSeconds(20)).until(() -> inbox(ADMIN, "?q=" + marker).isEmpty());
    assertThat(ApiClient.as(port, ADMIN).get("/api/inbox/tasks/" + key).json().get("status").asText()).isEqualTo("CANCELED");
    ApiClient.Response complete = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", Map.of());
    assertThat(complete.status()).isEqualTo(409);
    assertThat(complete.json().get("code").asText()).isEqualTo("task.gone");
  }

  /** A job-worker user task (as the embedded engine runs them), optionally ended by a timer. */
  private String deployTask(String groups, Duration endsAfter) {
    String id = "inbox-test-" + UUID.randomUUID().toString().substring(0, 8);
    var task = Bpmn.createExecutableProcess(id).startEvent().userTask("Task_Review").name("Review " + id).zeebeCandidateGroups(groups);
    BpmnModelInstance model =
        endsAfter == null
            ? task.endEvent().done()
            : task.endEvent().moveToActivity("Task_Review").boundaryEvent("Timer_Escalate").timerWithDuration(endsAfter.toString()).endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    return id;
  }

  private String start(String processId) {
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    return processId;
  }

  private JsonNode awaitTask(String staff, String marker) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonNode tasks = inbox(staff, "?q=" + marker);
      found[0] = tasks.isEmpty() ? null : tasks.get(0);
      return found[0] != null;
    });
    return found[0];
  }

  private JsonNode inbox(String staff, String query) {
    return ApiClient.as(port, staff).get("/api/inbox/tasks" + query).json();
  }
}
