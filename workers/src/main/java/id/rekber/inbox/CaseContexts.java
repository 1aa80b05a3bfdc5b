package id.rekber.inbox;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the feature that knows the case behind a task (dispute, KYC...), by BPMN process id. */
@Component
public class CaseContexts {
  private final List<CaseContext> contexts;

  CaseContexts(List<CaseContext> contexts) {
    this.contexts = contexts;
  }

  public Optional<CaseContext> of(StaffTask task) {
    return contexts.stream().filter(c -> c.supports(task.getProcessId())).findFirst();
  }
}
