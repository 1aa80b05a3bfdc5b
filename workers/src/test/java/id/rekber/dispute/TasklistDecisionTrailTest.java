package id.rekber.dispute;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.inbox.ListenerJobs;
import id.rekber.inbox.ListenerTask;
import id.rekber.inbox.ListenerVerdict;
import id.rekber.inbox.TaskListeners;
import id.rekber.platform.DeployedModels;
import id.rekber.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mediator deciding in Tasklist leaves the trail of one deciding in Rekber's console (decision 28).
 * The embedded engine has no Camunda user tasks, so it cannot emit task listener jobs: the Tasklist
 * side hands {@link TaskListeners} listener jobs shaped as Camunda 8.8 sends them ({@link ListenerJobs}),
 * for the job-worker task the engine created, then completes that task as the engine would after the
 * listener accepted. Everything else is real: the database, the outbox and its mails, the process.
 */
@IntegrationTest
class TasklistDecisionTrailTest {
  static final AtomicLong JOB_KEYS = new AtomicLong(9_100_000_000_000L);
  @LocalServerPort int port;
  @Autowired TaskListeners listeners;
  @Autowired DeployedModels models;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Disputes disputes;

  @BeforeEach
  void setUp() {
    disputes = new Disputes(port);
  }

  @Test
  void tasklistAndConsoleLeaveIdenticalTrailsAndTasklistObeysTheConsolesRules() throws Exception {
    Map<String, Object> decision = Map.of("outcome", "REFUND", "reason", Disputes.DECISION_REASON);

    String viaConsole = contestedDispute();
    long consoleTask = disputes.awaitTask(MEDIATOR, viaConsole, "Task_MediatorDecision").get("key").asLong();
    assertThat(disputes.decide(MEDIATOR, consoleTask, decision).status()).isEqualTo(204);

    String viaTasklist = contestedDispute();
    JsonNode task = disputes.awaitTask(MEDIATOR, viaTasklist, "Task_MediatorDecision");
    long tasklistTask = task.get("key").asLong();
    Map<String, Object> processVariables = json.readValue(task.get("variablesJson").asText(), Map.class);

    // Assigning to someone Rekber does not know, or completing unassigned: denied, with a reason.
    ListenerVerdict stranger = listeners.assigning(listenerTask("assigning", task, "orang.asing@contoh.test", processVariables));
    assertThat(stranger.denied()).isTrue();
    assertThat(stranger.reason()).contains("orang.asing@contoh.test").contains("tidak mengenal staf");
    ListenerVerdict unassigned = listeners.completing(listenerTask("completing", task, null, with(processVariables, decision)));
    assertThat(unassigned.denied()).isTrue();
    assertThat(unassigned.reason()).contains("Ambil tugas ini");

    assertThat(listeners.assigning(listenerTask("assigning", task, MEDIATOR, processVariables)).denied()).isFalse();
    assertThat(disputes.as(MEDIATOR).get("/api/inbox/tasks/" + tasklistTask).json().get("assignee").asText()).isEqualTo(MEDIATOR);

    // The console's rule: split parts must add up to the held amount minus the fee.
    ListenerVerdict badSplit = listeners.completing(listenerTask("completing", task, MEDIATOR, with(processVariables,
        Map.of("outcome", "SPLIT", "buyerAmount", 1, "sellerAmount", 1, "reason", Disputes.DECISION_REASON))));
    assertThat(badSplit.denied()).isTrue();
    assertThat(badSplit.reason()).contains("Bagian pembeli dan penjual harus berjumlah tepat");
    assertThat(status(tasklistTask)).isEqualTo("OPEN");
    assertThat(decisionAudits(viaTasklist)).isEmpty();

    // Tasklist submits the read-only fields too (dealId), on top of all process variables.
    Map<String, Object> completing = with(processVariables, with(decision, Map.of("dealId", viaTasklist)));
    ListenerTask accepted = listenerTask("completing", task, MEDIATOR, completing);
    assertThat(listeners.completing(accepted).denied()).isFalse();
    // The same job handed out again (its answer lost) is accepted without a second trail.
    assertThat(listeners.completing(accepted).denied()).isFalse();
    // The engine completes the task the listener let through.
    client.newCompleteCommand(tasklistTask).variables(completing).send().join();

    disputes.deals.awaitStatus(BUDI, viaConsole, "DIKEMBALIKAN");
    disputes.deals.awaitStatus(BUDI, viaTasklist, "DIKEMBALIKAN");

    assertThat(status(tasklistTask)).isEqualTo("COMPLETED");
    assertThat(taskOutcome(tasklistTask)).isEqualTo(taskOutcome(consoleTask));
    assertThat(decisionAudits(viaTasklist)).hasSize(1);
    assertThat(normalized(decisionAudits(viaTasklist), viaTasklist, tasklistTask))
        .isEqualTo(normalized(decisionAudits(viaConsole), viaConsole, consoleTask));
    assertThat(staffDecisions(viaTasklist)).hasSize(1).isEqualTo(staffDecisions(viaConsole));
    assertThat(disputeDecisions(viaTasklist)).hasSize(1).isEqualTo(disputeDecisions(viaConsole));
    assertThat(normalized(decisionMails(viaTasklist), viaTasklist, tasklistTask)).hasSize(2)
        .isEqualTo(normalized(decisionMails(viaConsole), viaConsole, consoleTask));
  }

  @Test
  void aCanceledTaskLeavesTheInbox() {
    String id = contestedDispute();
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    listeners.canceling(listenerTask("canceling", task, null, Map.of("dealId", id)));
    assertThat(status(task.get("key").asLong())).isEqualTo("CANCELED");
    assertThat(disputes.as(MEDIATOR).get("/api/inbox/tasks").json()).noneMatch(t -> t.get("key").asLong() == task.get("key").asLong());
  }

  private String contestedDispute() {
    String id = disputes.disputedDeal(SARI, BUDI, 150_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    return id;
  }

  private ListenerTask listenerTask(String event, JsonNode task, String assignee, Map<String, Object> variables) {
    List<String> groups = new ArrayList<>();
    task.get("candidateGroups").forEach(g -> groups.add(g.asText()));
    String formKey = models.formById(task.get("formId").asText()).map(DeployedModels.Form::key).orElseThrow();
    return ListenerTask.of(ListenerJobs.job(event, JOB_KEYS.incrementAndGet(), task.get("key").asLong(), task.get("processId").asText(),
        task.get("elementId").asText(), jdbc.queryForObject("SELECT process_instance_key FROM user_task WHERE job_key = ?", Long.class,
            task.get("key").asLong()), groups, formKey, task.get("dueAt").asText(), assignee, variables));
  }

  private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> on) {
    Map<String, Object> all = new LinkedHashMap<>(base);
    all.putAll(on);
    return all;
  }

  private String status(long key) {
    return jdbc.queryForObject("SELECT status FROM user_task WHERE job_key = ?", String.class, key);
  }

  private List<String> taskOutcome(long key) {
    return jdbc.query("SELECT status, assignee, completed_by, submitted FROM user_task WHERE job_key = ?",
        (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), key).get(0);
  }

  private List<String> decisionAudits(String dealId) {
    return jdbc.queryForList("SELECT actor || '|' || action || '|' || object_type || '|' || outcome || '|' || coalesce(detail, '') "
        + "FROM audit_event WHERE object_id = ? AND action = 'dispute.decision' ORDER BY id", String.class, dealId);
  }

  private List<String> staffDecisions(String dealId) {
    return jdbc.queryForList("SELECT actor || '|' || detail FROM deal_event WHERE deal_id = ? AND type = 'STAFF_DECISION' ORDER BY id",
        String.class, dealId);
  }

  private List<String> disputeDecisions(String dealId) {
    List<String> found = new ArrayList<>();
    disputes.dispute(BUDI, dealId).get("timeline").forEach(e -> {
      if (e.get("kind").asText().startsWith("DECISION_")) {
        found.add(e.get("kind").asText() + "|" + e.path("author").asText() + "|" + e.path("authorRole").asText() + "|" + e.path("text").asText());
      }
    });
    return found;
  }

  private List<String> decisionMails(String dealId) {
    return jdbc.queryForList("SELECT recipient || '|' || locale || '|' || subject || '|' || body FROM notification_outbox "
        + "WHERE deal_id = ? AND dedupe_key LIKE '%decision%' ORDER BY recipient", String.class, dealId);
  }

  private static List<String> normalized(List<String> rows, String dealId, long taskKey) {
    return rows.stream().map(r -> r.replace(dealId, "<deal>").replace(Long.toString(taskKey), "<task>")).toList();
  }
}
