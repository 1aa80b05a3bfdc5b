package id.rekber.inbox;

import id.rekber.platform.DeployedModels;
import id.rekber.web.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.springframework.context.ApplicationEventPublisher;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox over job-worker user tasks. Two staff completing one task: the first wins. */
@Service
class JobWorkerInbox implements Inbox {
  private final UserTaskRepository tasks;
  private final DeployedModels models;
  private final FormValidator forms;
  private final CamundaClient client;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  JobWorkerInbox(UserTaskRepository tasks, DeployedModels models, FormValidator forms, CamundaClient client,
      ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.forms = forms;
    this.client = client;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<UserTask> openTasks(List<String> groups) {
    return tasks.findByStatusOrderByCreatedAtAsc(UserTask.OPEN).stream().filter(t -> t.isFor(groups)).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public UserTask task(long key, List<String> groups) {
    UserTask task = tasks.findById(key).orElseThrow(() -> ApiException.notFound("task.not-found", key));
    if (!task.isFor(groups)) {
      throw ApiException.forbidden("task.not-your-group");
    }
    return task;
  }

  @Override
  @Transactional
  public void complete(long key, List<String> groups, String staffEmail, Map<String, Object> variables) {
    UserTask task = tasks.findForUpdate(key).orElseThrow(() -> ApiException.notFound("task.not-found", key));
    if (!task.isFor(groups)) {
      throw ApiException.forbidden("task.not-your-group");
    }
    if (!UserTask.OPEN.equals(task.getStatus())) {
      throw ApiException.conflict("task.already-done", task.getCompletedBy());
    }
    models.formByKey(task.getFormKey()).ifPresent(form -> {
      Map<String, String> errors = forms.validate(form.schema(), variables);
      if (!errors.isEmpty()) {
        throw new FormInvalidException(errors);
      }
    });
    try {
      client.newCompleteCommand(key).variables(variables).send().join();
      task.complete(staffEmail, clock.instant(), json.writeValueAsString(variables));
      events.publishEvent(new TaskCompleted(key, task.getProcessId(), task.getElementId(), task.getProcessInstanceKey(),
          task.getDealId(), task.getName(), staffEmail, variables));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      task.cancel();
      throw ApiException.conflict("task.gone");
    }
  }
}
