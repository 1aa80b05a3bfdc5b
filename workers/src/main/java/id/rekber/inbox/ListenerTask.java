package id.rekber.inbox;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task as a task listener job shows it (Camunda 8.8, "User task listeners" →
 * "Accessing user task data"): the task's data is the job's {@code userTask} property, and the job's
 * variables are the process variables with, for {@code completing}, the variables the task is being
 * completed with on top.
 */
public record ListenerTask(
    long jobKey,
    long userTaskKey,
    String processId,
    String elementId,
    long processInstanceKey,
    List<String> candidateGroups,
    String formKey,
    Instant dueAt,
    String assignee,
    String action,
    Map<String, Object> variables) {

  public static ListenerTask of(ActivatedJob job) {
    UserTaskProperties task = job.getUserTask();
    if (task == null || task.getUserTaskKey() == null) {
      throw new IllegalArgumentException("Job " + job.getKey() + " of type " + job.getType() + " is not a user task listener job");
    }
    return new ListenerTask(
        job.getKey(),
        task.getUserTaskKey(),
        job.getBpmnProcessId(),
        job.getElementId(),
        job.getProcessInstanceKey(),
        task.getCandidateGroups() == null ? List.of() : List.copyOf(task.getCandidateGroups()),
        task.getFormKey() == null ? null : task.getFormKey().toString(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        blankToNull(task.getAssignee()),
        task.getAction(),
        job.getVariablesAsMap());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
