package id.rekber.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.Refusal;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox over job-worker user tasks. Every change locks the task row first, so of two staff
 * claiming or completing one task the first wins and the second gets a conflict.
 */
@Service
class JobWorkerInbox implements Inbox {
  private final UserTaskRepository tasks;
  private final DeployedModels models;
  private final FormValidator forms;
  private final CaseContexts contexts;
  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  JobWorkerInbox(UserTaskRepository tasks, DeployedModels models, FormValidator forms, CaseContexts contexts,
      CamundaClient client, ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.forms = forms;
    this.contexts = contexts;
    this.client = client;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffTask> openTasks(List<String> groups) {
    return tasks.findByStatusOrderByCreatedAtAsc(UserTask.OPEN).stream().filter(t -> t.isFor(groups)).map(UserTask::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public StaffTask task(long key, List<String> groups) {
    return visible(tasks.findById(key), key, groups).view();
  }

  @Override
  @Transactional
  public StaffTask claim(long key, List<String> groups, AppUser staff) {
    UserTask task = open(key, groups);
    mayWorkOn(task, staff);
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail())) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
    task.claim(staff.getEmail());
    return task.view();
  }

  @Override
  @Transactional
  public StaffTask unclaim(long key, List<String> groups, AppUser staff) {
    UserTask task = open(key, groups);
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail()) && !groups.contains("admin")) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
    task.unclaim();
    return task.view();
  }

  @Override
  @Transactional
  public void complete(long key, List<String> groups, AppUser staff, Map<String, Object> variables) {
    UserTask task = open(key, groups);
    mayWorkOn(task, staff);
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail())) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    models.formByKey(task.getFormKey()).ifPresent(form -> errors.putAll(forms.validate(form.schema(), variables)));
    if (errors.isEmpty()) {
      StaffTask view = task.view();
      contexts.of(view).ifPresent(c -> errors.putAll(c.validate(view, variables)));
    }
    if (!errors.isEmpty()) {
      throw new FormInvalidException(errors);
    }
    try {
      client.newCompleteCommand(key).variables(variables).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      task.cancel();
      throw Refusal.conflict("task.gone");
    }
    task.claim(staff.getEmail());
    task.complete(staff.getEmail(), clock.instant(), write(variables));
    events.publishEvent(new TaskCompleted(key, task.getProcessId(), task.getElementId(), task.getProcessInstanceKey(),
        task.getDealId(), task.getName(), staff.getEmail(), variables));
  }

  private UserTask open(long key, List<String> groups) {
    UserTask task = visible(tasks.findForUpdate(key), key, groups);
    if (!task.isOpen()) {
      throw UserTask.COMPLETED.equals(task.getStatus())
          ? Refusal.conflict("task.already-done", task.getCompletedBy())
          : Refusal.conflict("task.gone");
    }
    return task;
  }

  private static UserTask visible(java.util.Optional<UserTask> found, long key, List<String> groups) {
    UserTask task = found.orElseThrow(() -> Refusal.notFound("task.not-found", key));
    if (!task.isFor(groups)) {
      throw Refusal.forbidden("task.not-your-group");
    }
    return task;
  }

  private void mayWorkOn(UserTask task, AppUser staff) {
    StaffTask view = task.view();
    contexts.of(view).flatMap(c -> c.refusal(view, staff)).ifPresent(code -> {
      throw Refusal.forbidden(code);
    });
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
