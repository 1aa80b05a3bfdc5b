package id.rekber.inbox;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.DeployedModels;
import id.rekber.web.Problems;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff task inbox: tasks of the candidate groups the caller belongs to. */
@RestController
class InboxController {
  private final Inbox inbox;
  private final CurrentUser currentUser;
  private final DeployedModels models;
  private final Problems problems;
  private final MessageSource messages;

  InboxController(Inbox inbox, CurrentUser currentUser, DeployedModels models, Problems problems, MessageSource messages) {
    this.inbox = inbox;
    this.currentUser = currentUser;
    this.models = models;
    this.problems = problems;
    this.messages = messages;
  }

  @GetMapping("/api/inbox/tasks")
  List<TaskView> open() {
    return inbox.openTasks(currentUser.roles()).stream().map(this::view).toList();
  }

  @GetMapping("/api/inbox/tasks/{key}")
  TaskView task(@PathVariable long key) {
    return view(inbox.task(key, currentUser.roles()));
  }

  @PostMapping("/api/inbox/tasks/{key}/complete")
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody Map<String, Object> variables) {
    AppUser staff = currentUser.get();
    inbox.complete(key, currentUser.roles(), staff.getEmail(), variables);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(FormInvalidException.class)
  ResponseEntity<ProblemDetail> invalid(FormInvalidException e, Locale locale) {
    ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "request.invalid", locale);
    Map<String, String> fields = new LinkedHashMap<>();
    e.errors().forEach((field, code) -> fields.put(field, messages.getMessage(code, null, code, locale)));
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  private TaskView view(UserTask t) {
    String formId = models.formByKey(t.getFormKey()).map(DeployedModels.Form::id).orElse(null);
    return new TaskView(t.getJobKey(), t.getName(), t.getElementId(), t.getProcessId(), t.candidateGroups(), formId, t.getDueAt(), t.getDealId(), t.getStatus(), t.getCreatedAt(), t.getVariables());
  }

  record TaskView(long key, String name, String elementId, String processId, List<String> candidateGroups, String formId,
      Instant dueAt, String dealId, String status, Instant createdAt, String variablesJson) {}
}
