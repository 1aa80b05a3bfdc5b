package id.rekber.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.Languages;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff console's rules for Camunda user tasks worked in Tasklist (decision 28). Each task is
 * mirrored into {@code user_task} when created, so the console, SLAs and evidence access see it;
 * an assignee or a completion that the console would refuse is denied with the console's reason;
 * an accepted completion leaves the console's trail (decider, {@link TaskCompleted}: timeline, audit,
 * mails). The job workers ({@link TaskListenerWorkers}) exist only in cluster mode; this class is
 * driven directly by tests, because the embedded engine has no task listeners.
 */
@Service
public class TaskListeners {
  private final UserTaskRepository tasks;
  private final DeployedModels models;
  private final FormValidator validator;
  private final FormFields fields;
  private final CaseContexts contexts;
  private final AppUserRepository users;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;

  @SuppressWarnings("java:S107") // the console's collaborators, one each
  TaskListeners(UserTaskRepository tasks, DeployedModels models, FormValidator validator, FormFields fields, CaseContexts contexts,
      AppUserRepository users, ApplicationEventPublisher events, MessageSource messages, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.validator = validator;
    this.fields = fields;
    this.contexts = contexts;
    this.users = users;
    this.events = events;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public void creating(ListenerTask task) {
    mirror(task);
  }

  @Transactional
  public ListenerVerdict assigning(ListenerTask task) {
    UserTask row = mirror(task);
    if (task.assignee() == null) {
      row.unclaim();
      return ListenerVerdict.ACCEPT;
    }
    Optional<AppUser> staff = users.findByEmail(task.assignee());
    if (staff.isEmpty()) {
      return deny("task.listener.unknown-staff", task.assignee());
    }
    Optional<String> refusal = refusal(row.view(), staff.get());
    if (refusal.isPresent()) {
      return deny(refusal.get());
    }
    row.claim(staff.get().getEmail());
    return ListenerVerdict.ACCEPT;
  }

  @Transactional
  public ListenerVerdict completing(ListenerTask task) {
    UserTask row = mirror(task);
    StaffTask view = row.view();
    if (StaffTask.COMPLETED.equals(view.getStatus())) {
      return ListenerVerdict.ACCEPT; // the same listener job again (its answer got lost): recorded once already
    }
    if (task.assignee() == null) {
      return deny("task.listener.assign-first");
    }
    Optional<AppUser> staff = users.findByEmail(task.assignee());
    if (staff.isEmpty()) {
      return deny("task.listener.unknown-staff", task.assignee());
    }
    Optional<String> refusal = refusal(view, staff.get());
    if (refusal.isPresent()) {
      return deny(refusal.get());
    }
    Optional<DeployedModels.Form> form = models.formByKey(view.getFormKey());
    Map<String, Object> submitted = form.map(f -> fields.submitted(f.schema(), task.variables())).orElse(task.variables());
    Map<String, String> errors = new LinkedHashMap<>();
    form.ifPresent(f -> errors.putAll(validator.validate(f.schema(), submitted)));
    if (errors.isEmpty()) {
      contexts.of(view).ifPresent(c -> errors.putAll(c.validate(view, submitted)));
    }
    if (!errors.isEmpty()) {
      return ListenerVerdict.deny(errors.entrySet().stream()
          .map(e -> e.getKey() + ": " + text(e.getValue()))
          .collect(Collectors.joining(" ")));
    }
    String decider = staff.get().getEmail();
    row.claim(decider);
    row.complete(decider, clock.instant(), write(submitted));
    events.publishEvent(new TaskCompleted(view.getJobKey(), view.getProcessId(), view.getElementId(), view.getProcessInstanceKey(),
        view.getDealId(), view.getName(), decider, submitted));
    return ListenerVerdict.ACCEPT;
  }

  @Transactional
  public void canceling(ListenerTask task) {
    tasks.findForUpdate(task.userTaskKey()).filter(t -> t.view().isOpen()).ifPresent(UserTask::cancel);
  }

  /** The task's row, created from the listener job if the creating listener has not been seen. */
  private UserTask mirror(ListenerTask task) {
    return tasks.findForUpdate(task.userTaskKey()).orElseGet(() -> {
      Object dealId = task.variables().get("dealId");
      return tasks.saveAndFlush(new UserTask(
          task.userTaskKey(),
          task.elementId(),
          models.elementName(task.processId(), task.elementId()).orElse(task.elementId()),
          task.processId(),
          task.processInstanceKey(),
          task.candidateGroups().isEmpty() ? null : String.join(",", task.candidateGroups()),
          task.formKey(),
          task.dueAt(),
          dealId == null ? null : dealId.toString(),
          write(task.variables()),
          clock.instant()));
    });
  }

  private Optional<String> refusal(StaffTask task, AppUser staff) {
    return FourEyes.refusal(task, staff).or(() -> contexts.of(task).flatMap(c -> c.refusal(task, staff)));
  }

  private ListenerVerdict deny(String code, Object... args) {
    return ListenerVerdict.deny(text(code, args));
  }

  private String text(String code, Object... args) {
    return messages.getMessage(code, args, code, Languages.INDONESIAN);
  }

  private String write(Map<String, Object> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
