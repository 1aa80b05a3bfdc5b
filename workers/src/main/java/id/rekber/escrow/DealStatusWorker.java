package id.rekber.escrow;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Mark deal …" tasks: the model names the step in the task header {@code status} (and an optional
 * {@code reason}); the worker applies it and hands the deal's deadlines back to the timers.
 */
@Component
public class DealStatusWorker {
  private final DealLifecycle lifecycle;

  DealStatusWorker(DealLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = "deal-status", fetchVariables = {"dealId", "courier", "trackingNumber"})
  public Map<String, Object> markStatus(
      @Variable String dealId,
      @Variable(optional = true) String courier,
      @Variable(optional = true) String trackingNumber,
      @CustomHeaders Map<String, String> headers) {
    DealStep step = DealStep.valueOf(headers.get("status"));
    return lifecycle.enter(dealId, step, headers.get("reason"), new Shipment(courier, trackingNumber));
  }

  @JobWorker(type = "deal-start-inspection", fetchVariables = "dealId")
  public Map<String, Object> startInspection(@Variable String dealId) {
    return lifecycle.enter(dealId, DealStep.INSPEKSI, null, Shipment.NONE);
  }

  /** The inspection timer fired: silence counts as acceptance unless a dispute was recorded first. */
  @JobWorker(type = "deal-close-inspection", fetchVariables = "dealId")
  public Map<String, Object> closeInspection(@Variable String dealId) {
    return Map.of("buyerVerdict", lifecycle.closeInspection(dealId).name());
  }
}
