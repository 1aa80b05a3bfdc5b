package id.rekber.dispute;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.identity.AppUser;
import java.util.List;
import id.rekber.inbox.OpenTasks;
import org.springframework.stereotype.Component;

/**
 * Who may open a dispute's files: the deal's two parties, and staff of a candidate group of one of
 * the dispute's tasks (mediator, or admin after escalation) who are not themselves a party. For
 * anyone else, and for a deal that does not exist, the answer is the same: no.
 */
@Component
class EvidenceAccess {
  private final DealRepository deals;
  private final OpenTasks tasks;

  EvidenceAccess(DealRepository deals, OpenTasks tasks) {
    this.deals = deals;
    this.tasks = tasks;
  }

  boolean dealExists(String dealId) {
    return deals.existsById(dealId);
  }

  boolean mayRead(AppUser user, List<String> roles, String dealId) {
    Deal deal = deals.findById(dealId).orElse(null);
    if (deal == null) {
      return false;
    }
    if (deal.roleOf(user.getId()).isPresent()) {
      return true;
    }
    return tasks.offeredTo(DisputeCaseContext.PROCESS_ID, dealId, roles)
        || tasks.offeredTo(DisputeCaseContext.ESCALATION_PROCESS_ID, dealId, roles);
  }
}
