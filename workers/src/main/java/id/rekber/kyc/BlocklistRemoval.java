package id.rekber.kyc;

import id.rekber.inbox.FourEyes;
import id.rekber.platform.EngineCommands;
import id.rekber.platform.Refusal;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's removal from the fraud blocklist needs a second admin (four eyes, decision 38): the
 * request starts processes/blocklist-removal.bpmn, whose money-approval task the requesting admin
 * cannot take; the entry goes only after approval (job {@code kyc-blocklist-remove}). A removal lets
 * a number receive money again, so it has no lower limit.
 */
@Component
public class BlocklistRemoval {
  static final String PROCESS = "blocklist-removal";

  private final Blocklist blocklist;
  private final EngineCommands engine;
  private final Clock clock;

  BlocklistRemoval(Blocklist blocklist, EngineCommands engine, Clock clock) {
    this.blocklist = blocklist;
    this.engine = engine;
    this.clock = clock;
  }

  @Transactional
  public void request(long id, String admin, String reason) {
    Blocklist.Entry entry = blocklist.find(id).orElseThrow(() -> Refusal.notFound("blocklist.not-found", id));
    if (reason == null || reason.isBlank() || reason.length() > 300) {
      throw Refusal.invalid("blocklist.reason.required");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("blocklistEntryId", id);
    variables.put(FourEyes.FIRST_DECIDER, admin);
    variables.put("fourEyesKind", "BLOCKLIST_REMOVAL");
    variables.put("fourEyesAmount", "—");
    variables.put("fourEyesSummary", "Remove " + entry.kind() + " " + entry.masked() + " from the blocklist: " + reason.trim());
    engine.start(PROCESS, "blocklist-" + id + "-" + clock.millis(), variables);
  }

  /** "Remove from blocklist", after the second admin approved; an entry already gone stays gone. */
  @JobWorker(type = "kyc-blocklist-remove", fetchVariables = {"blocklistEntryId", "firstDecider"})
  public void remove(@Variable Long blocklistEntryId, @Variable String firstDecider) {
    if (blocklist.find(blocklistEntryId).isPresent()) {
      blocklist.remove(blocklistEntryId, firstDecider);
    }
  }
}
