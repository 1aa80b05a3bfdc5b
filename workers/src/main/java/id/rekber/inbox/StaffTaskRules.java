package id.rekber.inbox;

import id.rekber.identity.AppUser;
import id.rekber.platform.Refusal;
import java.util.List;

/** The checks both inboxes make before staff see, claim or decide a task. */
final class StaffTaskRules {
  private StaffTaskRules() {}

  static StaffTask requireVisible(StaffTask task, List<String> groups) {
    if (!task.isFor(groups)) {
      throw Refusal.forbidden("task.not-your-group");
    }
    return task;
  }

  static void requireOpen(StaffTask task) {
    if (!task.isOpen()) {
      throw StaffTask.COMPLETED.equals(task.getStatus())
          ? Refusal.conflict("task.already-done", task.getCompletedBy() == null ? "?" : task.getCompletedBy())
          : Refusal.conflict("task.gone");
    }
  }

  /**
   * A feature's rule (e.g. a mediator who is a party), the four-eyes rule (the first decider may not
   * approve their own decision) or a colleague's claim stands in the way.
   */
  static void requireMayWorkOn(CaseContexts contexts, StaffTask task, AppUser staff) {
    FourEyes.refusal(task, staff).ifPresent(code -> {
      throw Refusal.forbidden(code);
    });
    contexts.of(task).flatMap(c -> c.refusal(task, staff)).ifPresent(code -> {
      throw Refusal.forbidden(code);
    });
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail())) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
  }
}
