package id.rekber.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.DeployedModels;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks up the embedded engine's job-worker user tasks and puts them in the inbox; they complete
 * when staff submit the form. The job stays locked to us for a long time; if it is handed out again,
 * the task row is kept as it is.
 */
@Component
public class UserTaskWorker {
  static final String TYPE = "io.camunda.zeebe:userTask";
  static final long LOCK_MS = 30L * 24 * 3600 * 1000;

  private final UserTaskRepository tasks;
  private final DeployedModels models;
  private final ObjectMapper json;
  private final Clock clock;

  UserTaskWorker(UserTaskRepository tasks, DeployedModels models, ObjectMapper json, Clock clock) {
    this.tasks = tasks;
    this.models = models;
    this.json = json;
    this.clock = clock;
  }

  @JobWorker(type = TYPE, autoComplete = false, timeout = LOCK_MS)
  @Transactional
  public void taskCreated(ActivatedJob job) throws Exception {
    if (tasks.existsById(job.getKey())) {
      return;
    }
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> variables = job.getVariablesAsMap();
    Object dealId = variables.get("dealId");
    tasks.save(
        new UserTask(
            job.getKey(),
            job.getElementId(),
            models.elementName(job.getBpmnProcessId(), job.getElementId()).orElse(job.getElementId()),
            job.getBpmnProcessId(),
            job.getProcessInstanceKey(),
            groups(headers.get("io.camunda.zeebe:candidateGroups")),
            headers.get("io.camunda.zeebe:formKey"),
            dueDate(headers.get("io.camunda.zeebe:dueDate")),
            dealId == null ? null : dealId.toString(),
            json.writeValueAsString(variables),
            clock.instant()));
  }

  private String groups(String header) throws Exception {
    if (header == null || header.isBlank()) {
      return null;
    }
    List<?> groups = json.readValue(header, List.class);
    return String.join(",", groups.stream().map(Object::toString).toList());
  }

  private static Instant dueDate(String header) {
    return header == null || header.isBlank() ? null : ZonedDateTime.parse(header, DateTimeFormatter.ISO_DATE_TIME).toInstant();
  }

}
