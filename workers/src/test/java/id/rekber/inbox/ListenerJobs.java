package id.rekber.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.impl.CamundaObjectMapper;
import io.camunda.client.impl.response.ActivatedJobImpl;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task listener jobs shaped as Camunda 8.8 hands them out: one element of {@code jobs} in the
 * response of {@code POST /v2/jobs/activation} (Orchestration Cluster REST API, "Activate jobs"),
 * with {@code kind: TASK_LISTENER}, the {@code listenerEventType} and the {@code userTask} object of
 * "User task listeners" → "Accessing user task data". The embedded engine cannot emit them.
 */
public final class ListenerJobs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ListenerJobs() {}

  public static ActivatedJob job(String eventType, long jobKey, long userTaskKey, String processId, String elementId,
      long processInstanceKey, List<String> candidateGroups, String formKey, String dueDate, String assignee,
      Map<String, Object> variables) {
    Map<String, Object> userTask = new LinkedHashMap<>();
    userTask.put("action", Map.of("creating", "", "assigning", "claim", "completing", "complete", "canceling", "").get(eventType));
    userTask.put("assignee", assignee);
    userTask.put("candidateGroups", candidateGroups);
    userTask.put("candidateUsers", List.of());
    userTask.put("changedAttributes", "assigning".equals(eventType) ? List.of("assignee") : List.of());
    userTask.put("dueDate", dueDate);
    userTask.put("formKey", formKey);
    userTask.put("priority", 50);
    userTask.put("userTaskKey", Long.toString(userTaskKey));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("type", "rekber-task-" + eventType);
    job.put("processDefinitionId", processId);
    job.put("processDefinitionVersion", 1);
    job.put("elementId", elementId);
    job.put("customHeaders", Map.of());
    job.put("worker", "rekber");
    job.put("retries", 3);
    job.put("deadline", 1_800_000_000_000L);
    job.put("variables", variables);
    job.put("tenantId", "<default>");
    job.put("jobKey", Long.toString(jobKey));
    job.put("processInstanceKey", Long.toString(processInstanceKey));
    job.put("processDefinitionKey", "2251799813685249");
    job.put("elementInstanceKey", Long.toString(processInstanceKey + 7));
    job.put("kind", "TASK_LISTENER");
    job.put("listenerEventType", eventType.toUpperCase(java.util.Locale.ROOT));
    job.put("userTask", userTask);
    job.put("tags", List.of());
    try {
      CamundaObjectMapper mapper = new CamundaObjectMapper();
      return new ActivatedJobImpl(mapper, mapper.fromJson(JSON.writeValueAsString(job), ActivatedJobResult.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
