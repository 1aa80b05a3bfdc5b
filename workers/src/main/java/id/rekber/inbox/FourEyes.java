package id.rekber.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Four eyes on money (decision 38): a decision that moves more than {@code rekber.four-eyes.threshold}
 * rupiah needs a second member of staff. The approval is the {@code admin} task of
 * processes/money-approval.bpmn, whose {@value #FIRST_DECIDER} variable names the first decider;
 * that person can neither claim nor complete it (console and API: {@link StaffTaskRules}; Tasklist:
 * {@link TaskListeners}).
 */
@Component
public class FourEyes {
  public static final String FIRST_DECIDER = "firstDecider";
  static final String SAME_PERSON = "four-eyes.same-person";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long threshold;
  private final JdbcTemplate jdbc;

  FourEyes(@Value("${rekber.four-eyes.threshold:5000000}") long threshold, JdbcTemplate jdbc) {
    this.threshold = threshold;
    this.jdbc = jdbc;
  }

  /** Rupiah above which a decision needs the second person. */
  public long threshold() {
    return threshold;
  }

  public boolean needsApproval(long amount) {
    return amount > threshold;
  }

  /** Who completed the latest of these staff tasks of a deal (the decision now awaiting approval), and which task it was. */
  public Optional<Decision> lastDecision(String dealId, String... elementIds) {
    return jdbc.query(
            "SELECT completed_by, element_id FROM user_task WHERE deal_id = ? AND status = 'COMPLETED' AND element_id = ANY (?)"
                + " ORDER BY completed_at DESC, job_key DESC LIMIT 1",
            (rs, i) -> new Decision(rs.getString(1), rs.getString(2)),
            dealId, elementIds)
        .stream().findFirst();
  }

  /** A completed staff task: who decided, in which element. */
  public record Decision(String decider, String elementId) {}

  /** The refusal for staff who made the decision this task approves; empty for anyone else. */
  static Optional<String> refusal(StaffTask task, AppUser staff) {
    String variables = task.getVariables();
    if (variables == null || !variables.contains(FIRST_DECIDER)) {
      return Optional.empty();
    }
    try {
      JsonNode first = JSON.readTree(variables).path(FIRST_DECIDER);
      return first.isTextual() && first.asText().equalsIgnoreCase(staff.getEmail()) ? Optional.of(SAME_PERSON) : Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("task " + task.getJobKey() + " has unreadable variables", e);
    }
  }
}
