package id.rekber.inbox;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.ADMIN2;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.DeployedModels;
import id.rekber.support.ApiClient;
import id.rekber.support.IntegrationTest;
import id.rekber.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes (decision 38) on the whole application, with an admin's blocklist removal: the admin who
 * asked for it can neither claim nor complete the approval (403 {@code four-eyes.same-person}, in the
 * API and in the console; Tasklist's listeners deny it), the entry stays until a second admin
 * approves, and both are audited.
 */
@IntegrationTest
class FourEyesRefusalTest {
  @LocalServerPort int port;
  @Autowired TaskListeners listeners;
  @Autowired DeployedModels models;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @Test
  @SuppressWarnings("unchecked")
  void theAdminWhoAskedCannotApproveTheRemovalASecondAdminCan() throws Exception {
    String account = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    String reason = "appeal upheld " + UUID.randomUUID();
    ApiClient.Response added = ApiClient.as(port, ADMIN).post("/api/admin/blocklist",
        Map.of("kind", "BANK_ACCOUNT", "bankCode", "BCA", "value", account, "reason", "reported for fraud"));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    long id = added.json().get("id").asLong();

    assertThat(ApiClient.as(port, ADMIN).send("DELETE", "/api/admin/blocklist/" + id, Map.of()).status())
        .as("a removal needs a reason").isEqualTo(422);
    assertThat(ApiClient.as(port, MEDIATOR).send("DELETE", "/api/admin/blocklist/" + id, Map.of("reason", reason)).status())
        .isEqualTo(403);
    assertThat(ApiClient.as(port, ADMIN).send("DELETE", "/api/admin/blocklist/999999999", Map.of("reason", reason)).status())
        .isEqualTo(404);
    ApiClient.Response asked = ApiClient.as(port, ADMIN).send("DELETE", "/api/admin/blocklist/" + id, Map.of("reason", reason));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(202);

    JsonNode task = awaitApproval(reason);
    long key = task.get("key").asLong();
    assertThat(task.get("name").asText()).isEqualTo("Approve money decision");
    assertThat(task.get("formId").asText()).isEqualTo("four-eyes-approval");
    assertThat(onBlocklist(id)).as("nothing removed before the approval").isTrue();

    Map<String, Object> approve = Map.of("approval", "APPROVE", "approvalNote", "the appeal evidence holds up");
    ApiClient.Response claim = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/claim", Map.of());
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("code").asText()).isEqualTo("four-eyes.same-person");
    assertThat(claim.json().get("detail").asText()).contains("empat mata");
    ApiClient.Response own = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", approve);
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("code").asText()).isEqualTo("four-eyes.same-person");
    assertThat(ApiClient.as(port, BUDI).post("/api/inbox/tasks/" + key + "/complete", approve).status()).isEqualTo(403);
    // The console says the same to the admin who asked, and the task stays open.
    WebSession console = WebSession.signIn(port, ADMIN);
    WebSession.Page page = console.postJson("/staff/tasks/" + key + "/complete",
        "{\"approval\":\"APPROVE\",\"approvalNote\":\"the appeal evidence holds up\"}");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("four-eyes.same-person");
    assertThat(onBlocklist(id)).isTrue();

    // Tasklist (cluster mode): the assigning and completing listeners deny the same person, in Bahasa Indonesia.
    Map<String, Object> variables = json.readValue(task.get("variablesJson").asText(), Map.class);
    ListenerVerdict claimInTasklist = listeners.assigning(listenerTask("assigning", task, ADMIN, variables));
    assertThat(claimInTasklist.denied()).isTrue();
    assertThat(claimInTasklist.reason()).contains("empat mata");
    Map<String, Object> withAnswer = new java.util.HashMap<>(variables);
    withAnswer.putAll(approve);
    assertThat(listeners.completing(listenerTask("completing", task, ADMIN, withAnswer)).denied()).isTrue();
    assertThat(onBlocklist(id)).isTrue();

    ApiClient.Response second = ApiClient.as(port, ADMIN2).post("/api/inbox/tasks/" + key + "/complete", approve);
    assertThat(second.status()).as(second.toString()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> !onBlocklist(id));
    JsonNode audit = ApiClient.as(port, ADMIN).get("/api/admin/audit?limit=200").json();
    assertThat(audit.toString()).contains("four-eyes.approval").contains("decided by " + ADMIN + ", APPROVE by " + ADMIN2);
  }

  private ListenerTask listenerTask(String event, JsonNode task, String assignee, Map<String, Object> variables) {
    String formKey = models.formById(task.get("formId").asText()).map(DeployedModels.Form::key).orElseThrow();
    long key = task.get("key").asLong();
    return ListenerTask.of(ListenerJobs.job(event, key + 1_000_000, key, task.get("processId").asText(), task.get("elementId").asText(),
        jdbc.queryForObject("SELECT process_instance_key FROM user_task WHERE job_key = ?", Long.class, key), List.of("admin"), formKey,
        task.get("dueAt").asText(), assignee, variables));
  }

  private boolean onBlocklist(long id) {
    for (JsonNode e : ApiClient.as(port, ADMIN).get("/api/admin/blocklist").json()) {
      if (e.get("id").asLong() == id) {
        return true;
      }
    }
    return false;
  }

  private JsonNode awaitApproval(String reason) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      for (JsonNode t : ApiClient.as(port, ADMIN2).get("/api/inbox/tasks").json()) {
        if (t.path("variablesJson").asText().contains(reason)) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }
}
