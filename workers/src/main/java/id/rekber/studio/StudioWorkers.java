package id.rekber.studio;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** The service tasks of processes/studio-approval.bpmn. */
@Component
public class StudioWorkers {
  private final Studio studio;

  StudioWorkers(Studio studio) {
    this.studio = studio;
  }

  @JobWorker(type = "studio-deploy", fetchVariables = "draftId")
  public void deploy(@Variable long draftId) {
    studio.deployApproved(draftId);
  }

  @JobWorker(type = "studio-reject", fetchVariables = "draftId")
  public void reject(@Variable long draftId) {
    studio.rejected(draftId);
  }
}
