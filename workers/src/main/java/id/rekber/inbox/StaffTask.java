package id.rekber.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A staff task as the inbox shows it: what the engine asked for, who may work on it, and where it
 * stands. A read-only view; how tasks are stored or fetched (job-worker tasks in single-node mode,
 * the Orchestration Cluster REST API in cluster mode) stays behind {@link Inbox}.
 */
public final class StaffTask {
  public static final String OPEN = "OPEN";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";

  private final long jobKey;
  private final String elementId;
  private final String name;
  private final String processId;
  private final long processInstanceKey;
  private final List<String> candidateGroups;
  private final String formKey;
  private final Instant dueAt;
  private final String dealId;
  private final String variables;
  private final String status;
  private final String assignee;
  private final String completedBy;
  private final Instant createdAt;
  private final Instant completedAt;

  @SuppressWarnings("java:S107") // a flat view of one task row
  public StaffTask(long jobKey, String elementId, String name, String processId, long processInstanceKey, List<String> candidateGroups,
      String formKey, Instant dueAt, String dealId, String variables, String status, String assignee, String completedBy,
      Instant createdAt, Instant completedAt) {
    this.jobKey = jobKey;
    this.elementId = elementId;
    this.name = name;
    this.processId = processId;
    this.processInstanceKey = processInstanceKey;
    this.candidateGroups = List.copyOf(candidateGroups);
    this.formKey = formKey;
    this.dueAt = dueAt;
    this.dealId = dealId;
    this.variables = variables;
    this.status = status;
    this.assignee = assignee;
    this.completedBy = completedBy;
    this.createdAt = createdAt;
    this.completedAt = completedAt;
  }

  public boolean isFor(List<String> groups) {
    return candidateGroups.stream().anyMatch(groups::contains);
  }

  public List<String> candidateGroups() {
    return candidateGroups;
  }

  public boolean isOpen() {
    return OPEN.equals(status);
  }

  public boolean isAssignedTo(String staffEmail) {
    return assignee != null && assignee.equalsIgnoreCase(staffEmail);
  }

  public long getJobKey() { return jobKey; }
  public String getElementId() { return elementId; }
  public String getName() { return name; }
  public String getProcessId() { return processId; }
  public long getProcessInstanceKey() { return processInstanceKey; }
  public String getFormKey() { return formKey; }
  public Instant getDueAt() { return dueAt; }
  public String getDealId() { return dealId; }
  public String getVariables() { return variables; }
  public String getStatus() { return status; }
  public String getAssignee() { return assignee; }
  public String getCompletedBy() { return completedBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getCompletedAt() { return completedAt; }
}
