package id.rekber.escrow;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Mark milestone …" tasks of the milestone process: the header {@code status} names the state. */
@Component
public class MilestoneWorker {
  private final MilestoneLifecycle lifecycle;

  MilestoneWorker(MilestoneLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = "milestone-status", fetchVariables = {"dealId", "milestone"})
  public Map<String, Object> markStatus(@Variable String dealId, @Variable int milestone, @CustomHeaders Map<String, String> headers) {
    return lifecycle.enter(dealId, milestone, Milestone.State.valueOf(headers.get("status")));
  }
}
