package id.rekber.inbox;

import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /staff/cases/{processInstanceKey}}: the link a Tasklist form shows ({@code caseUrl}). It sends
 * a member of staff to the console's page for the case: the task page of that process instance, with
 * the dispute, KYC or payout panel beside the form (an open task first, else the latest). Only staff
 * of one of the task's candidate groups get there, as in the console; the KYC panel audits its views.
 */
@Controller
class StaffCaseLinks {
  // The inbox may not depend on the dispute module (which depends on it), so the ids are repeated here.
  private static final List<String> DISPUTE_PROCESSES = List.of("dispute-mediation", "dispute-escalation");
  private final UserTaskRepository tasks;
  private final CurrentUser currentUser;

  StaffCaseLinks(UserTaskRepository tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping("/staff/cases/{processInstanceKey}")
  @Transactional(readOnly = true)
  String open(@PathVariable long processInstanceKey) {
    return redirectTo(tasks.findByProcessInstanceKeyOrderByCreatedAtDesc(processInstanceKey), Long.toString(processInstanceKey));
  }

  /**
   * A dispute's case by its deal: an escalated dispute's task lives in the called
   * {@code dispute-escalation} instance, not in the {@code dispute-mediation} instance that set the link.
   */
  @GetMapping("/staff/cases/dispute/{dealId}")
  @Transactional(readOnly = true)
  String openDispute(@PathVariable String dealId) {
    List<UserTask> found = new ArrayList<>();
    for (String processId : DISPUTE_PROCESSES) {
      found.addAll(tasks.findByProcessIdAndDealId(processId, dealId));
    }
    found.sort(Comparator.comparingLong(UserTask::getJobKey).reversed()); // keys only grow, across engine rebases too
    return redirectTo(found, dealId);
  }

  private String redirectTo(List<UserTask> candidates, String reference) {
    List<StaffTask> found = candidates.stream().map(UserTask::view).toList();
    if (found.isEmpty()) {
      throw Refusal.notFound("staff.case-not-found", reference);
    }
    List<String> roles = currentUser.roles();
    StaffTask task = found.stream().filter(t -> t.isFor(roles))
        .min(Comparator.comparing((StaffTask t) -> !t.isOpen()))
        .orElseThrow(() -> Refusal.forbidden("task.not-your-group"));
    return "redirect:/staff/tasks/" + task.getJobKey();
  }
}
