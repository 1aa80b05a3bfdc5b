package id.rekber.inbox;

import id.rekber.identity.CurrentUser;
import id.rekber.platform.Refusal;
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
  private final UserTaskRepository tasks;
  private final CurrentUser currentUser;

  StaffCaseLinks(UserTaskRepository tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping("/staff/cases/{processInstanceKey}")
  @Transactional(readOnly = true)
  String open(@PathVariable long processInstanceKey) {
    List<StaffTask> found = tasks.findByProcessInstanceKeyOrderByCreatedAtDesc(processInstanceKey).stream().map(UserTask::view).toList();
    if (found.isEmpty()) {
      throw Refusal.notFound("staff.case-not-found", Long.toString(processInstanceKey));
    }
    List<String> roles = currentUser.roles();
    StaffTask task = found.stream().filter(t -> t.isFor(roles))
        .min(Comparator.comparing((StaffTask t) -> !t.isOpen()))
        .orElseThrow(() -> Refusal.forbidden("task.not-your-group"));
    return "redirect:/staff/tasks/" + task.getJobKey();
  }
}
