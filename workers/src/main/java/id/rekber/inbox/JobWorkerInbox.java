package id.rekber.inbox;

import id.rekber.platform.FormInvalidException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.Refusal;
import id.rekber.platform.SingleNodeOnly;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox over job-worker user tasks (single-node mode). Every change locks the task row first,
 * so of two staff claiming or completing one task the first wins and the second gets a conflict.
 */
@Service
@SingleNodeOnly
class JobWorkerInbox implements Inbox {
  private final UserTaskRepository tasks;
  private final DeployedModels models;
  private final FormValidator forms;
  private final FormFields fields;
  private final CaseContexts contexts;
  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  @SuppressWarnings("java:S107")
  JobWorkerInbox(UserTaskRepository tasks, DeployedModels models, FormValidator forms, FormFields fields, CaseContexts contexts,
      CamundaClient client, ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.forms = forms;
    this.fields = fields;
    this.contexts = contexts;
    this.client = client;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<StaffTask> openTasks(List<String> groups) {
    return tasks.findByStatusOrderByCreatedAtAsc(UserTask.OPEN).stream().map(UserTask::view).filter(t -> t.isFor(groups)).toList();
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
    StaffTaskRules.requireMayWorkOn(contexts, task.view(), staff);
    task.claim(staff.getEmail());
    return task.view();
  }

  @Override
  @Transactional
  public StaffTask unclaim(long key, List<String> groups, AppUser staff) {
    UserTask task = open(key, groups);
    StaffTask view = task.view();
    if (view.getAssignee() != null && !view.isAssignedTo(staff.getEmail()) && !groups.contains("admin")) {
      throw Refusal.conflict("task.assigned-to-other", view.getAssignee());
    }
    task.unclaim();
    return task.view();
  }

  @Override
  @Transactional
  public void complete(long key, List<String> groups, AppUser staff, Map<String, Object> variables) {
    UserTask task = open(key, groups);
    StaffTask view = task.view();
    StaffTaskRules.requireMayWorkOn(contexts, view, staff);
    Map<String, String> errors = new LinkedHashMap<>();
    form(view).ifPresent(form -> errors.putAll(forms.validate(form.schema(), variables)));
    if (errors.isEmpty()) {
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
    // What is recorded is cut down to the form's own fields, as the Tasklist path does (TaskListeners).
    Map<String, Object> submitted =
        models.formByKey(view.getFormKey()).map(f -> fields.submitted(f.schema(), variables)).orElse(variables);
    task.claim(staff.getEmail());
    task.complete(staff.getEmail(), clock.instant(), write(submitted));
    events.publishEvent(new TaskCompleted(key, view.getProcessId(), view.getElementId(), view.getProcessInstanceKey(),
        view.getDealId(), view.getName(), staff.getEmail(), submitted));
  }

  @Override
  public Optional<DeployedModels.Form> form(StaffTask task) {
    return models.formByKey(task.getFormKey());
  }

  private UserTask open(long key, List<String> groups) {
    UserTask task = visible(tasks.findForUpdate(key), key, groups);
    StaffTaskRules.requireOpen(task.view());
    return task;
  }

  private static UserTask visible(java.util.Optional<UserTask> found, long key, List<String> groups) {
    UserTask task = found.orElseThrow(() -> Refusal.notFound("task.not-found", key));
    StaffTaskRules.requireVisible(task.view(), groups);
    return task;
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
