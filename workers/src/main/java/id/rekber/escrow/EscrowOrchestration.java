package id.rekber.escrow;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts escrow-lifecycle instances, from the start event or before a given wait state. */
@Component
public class EscrowOrchestration {
  private final CamundaClient client;

  EscrowOrchestration(CamundaClient client) {
    this.client = client;
  }

  long start(Deal deal) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(EscrowProcess.PROCESS_ID)
        .latestVersion()
        .variables(DealVariables.of(deal))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Rebuilds orchestration for a deal at the element where it waits (after a restart). */
  public void startBefore(Deal deal, String elementId) {
    startBefore(deal, elementId, Map.of());
  }

  /** Starts before an element with extra variables (a refund for money that arrived late). */
  public void startBefore(Deal deal, String elementId, Map<String, Object> extra) {
    Map<String, Object> variables = new java.util.HashMap<>(DealVariables.of(deal));
    variables.putAll(extra);
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(EscrowProcess.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .startBeforeElement(elementId)
        .send()
        .join();
  }
}
