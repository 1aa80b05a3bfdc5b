package id.rekber.escrow;

import id.rekber.platform.EngineCommands;
import id.rekber.platform.ProcessInstanceStarted;
import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts escrow-lifecycle instances. In normal operation through the engine outbox ({@link
 * EngineCommands}), in the transaction that decided it; a single-node recovery starts them directly,
 * because it rebuilds the engine's state before the outbox relay runs.
 */
@Component
public class EscrowOrchestration {
  private final EngineCommands commands;
  private final CamundaClient client;
  private final JdbcTemplate jdbc;

  EscrowOrchestration(EngineCommands commands, CamundaClient client, JdbcTemplate jdbc) {
    this.commands = commands;
    this.client = client;
    this.jdbc = jdbc;
  }

  void start(Deal deal) {
    commands.start(EscrowProcess.PROCESS_ID, deal.getId(), DealVariables.of(deal));
  }

  /** Refunds money that arrived for a deal already closed; once per deal and reason. */
  void refund(Deal deal, String reason) {
    Map<String, Object> variables = new HashMap<>(DealVariables.of(deal));
    variables.put("refundReason", reason);
    commands.startBefore("refund:" + reason + ":" + deal.getId(), EscrowProcess.PROCESS_ID, EscrowProcess.JOIN_REFUND, deal.getId(), variables);
  }

  /** Money for a milestone whose payment deadline had passed goes back through that milestone's refund; once. */
  void refundLateMilestonePayment(String dealId, int seq) {
    commands.startBefore("refund:late-milestone-payment:" + dealId + "#" + seq, MilestoneProcess.PROCESS_ID,
        MilestoneProcess.REFUND_MILESTONE, dealId, Map.of("dealId", dealId, "milestone", seq));
  }

  /** Single-node recovery: a new instance for the deal before the element where it waited. */
  public void resume(Deal deal, String elementId) {
    commands.supersedePendingStarts(EscrowProcess.PROCESS_ID, deal.getId());
    long key =
        client.newCreateInstanceCommand().bpmnProcessId(EscrowProcess.PROCESS_ID).latestVersion()
            .variables(DealVariables.of(deal)).startBeforeElement(elementId).send().join().getProcessInstanceKey();
    recordInstance(deal.getId(), key);
  }

  @EventListener
  void started(ProcessInstanceStarted started) {
    if (EscrowProcess.PROCESS_ID.equals(started.processId())) {
      recordInstance(started.reference(), started.processInstanceKey());
    }
  }

  private void recordInstance(String dealId, long key) {
    jdbc.update("UPDATE deal SET process_instance_key = ? WHERE id = ?", key, dealId);
  }
}
