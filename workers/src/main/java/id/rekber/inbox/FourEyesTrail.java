package id.rekber.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Both people of a four-eyes decision in one audit event ({@code four-eyes.approval}): the approver
 * (actor), the first decider, what was decided and the answer. The first decider's own decision is
 * audited by its feature (e.g. {@code dispute.decision}); both tasks are on the deal's timeline.
 */
@Component
class FourEyesTrail {
  static final String PROCESS = "money-approval";

  private final UserTaskRepository tasks;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  FourEyesTrail(UserTaskRepository tasks, AuditTrail audit, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  void taskCompleted(TaskCompleted completed) {
    if (!PROCESS.equals(completed.processId())) {
      return;
    }
    JsonNode variables = tasks.findById(completed.taskKey()).map(t -> read(t.view().getVariables())).orElse(json.createObjectNode());
    String kind = variables.path("fourEyesKind").asText("?");
    audit.record(new AuditEvent(clock.instant(), completed.staffEmail(), "four-eyes.approval",
        completed.dealId() != null ? "deal" : "approval", completed.dealId() != null ? completed.dealId() : String.valueOf(completed.taskKey()),
        String.valueOf(completed.submitted().get("approval")), null, null,
        kind + " " + variables.path("fourEyesAmount").asText("") + " decided by " + variables.path(FourEyes.FIRST_DECIDER).asText("?")
            + ", " + completed.submitted().get("approval") + " by " + completed.staffEmail() + ": "
            + variables.path("fourEyesSummary").asText("") + " / " + completed.submitted().getOrDefault("approvalNote", "")));
  }

  private JsonNode read(String text) {
    try {
      return text == null ? json.createObjectNode() : json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
