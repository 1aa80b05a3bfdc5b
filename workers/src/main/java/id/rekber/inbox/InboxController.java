package id.rekber.inbox;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff task inbox over the API: tasks of the candidate groups the caller belongs to. */
@RestController
class InboxController {
  private final Inbox inbox;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final PremiumFirst premiumFirst;

  InboxController(Inbox inbox, CurrentUser currentUser, Clock clock, PremiumFirst premiumFirst) {
    this.premiumFirst = premiumFirst;
    this.inbox = inbox;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/api/inbox/tasks")
  List<TaskView> open(@RequestParam(required = false) String group, @RequestParam(required = false) String assignment,
      @RequestParam(required = false) String q) {
    List<StaffTask> tasks = inbox.openTasks(currentUser.roles());
    return new TaskFilter(group, assignment, q).apply(tasks, currentUser.get().getEmail(), premiumFirst.of(tasks)).stream().map(this::view).toList();
  }

  @GetMapping("/api/inbox/tasks/{key}")
  TaskView task(@PathVariable long key) {
    return view(inbox.task(key, currentUser.roles()));
  }

  @PostMapping("/api/inbox/tasks/{key}/claim")
  TaskView claim(@PathVariable long key) {
    return view(inbox.claim(key, currentUser.roles(), currentUser.get()));
  }

  @PostMapping("/api/inbox/tasks/{key}/unclaim")
  TaskView unclaim(@PathVariable long key) {
    return view(inbox.unclaim(key, currentUser.roles(), currentUser.get()));
  }

  @PostMapping("/api/inbox/tasks/{key}/complete")
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody Map<String, Object> variables) {
    AppUser staff = currentUser.get();
    inbox.complete(key, currentUser.roles(), staff, variables);
    return ResponseEntity.noContent().build();
  }

  private TaskView view(StaffTask t) {
    String formId = inbox.form(t).map(f -> f.id()).orElse(null);
    return new TaskView(t.getJobKey(), t.getName(), t.getElementId(), t.getProcessId(), t.candidateGroups(), formId,
        t.getDueAt(), Sla.of(t.getDueAt(), clock.instant()), t.getAssignee(), t.getDealId(), t.getStatus(), t.getCreatedAt(),
        t.getVariables());
  }

  record TaskView(long key, String name, String elementId, String processId, List<String> candidateGroups, String formId,
      Instant dueAt, Sla sla, String assignee, String dealId, String status, Instant createdAt, String variablesJson) {}
}
