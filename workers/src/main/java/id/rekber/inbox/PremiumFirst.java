package id.rekber.inbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The deals among these tasks whose tasks the inbox lists first (see {@link PriorityCases}). */
@Component
class PremiumFirst {
  private final ObjectProvider<PriorityCases> cases;

  PremiumFirst(ObjectProvider<PriorityCases> cases) {
    this.cases = cases;
  }

  Set<String> of(List<StaffTask> tasks) {
    PriorityCases port = cases.getIfAvailable();
    return port == null ? Set.of() : port.priorityDeals(tasks.stream().map(StaffTask::getDealId).filter(Objects::nonNull).toList());
  }
}
