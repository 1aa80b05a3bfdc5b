package id.rekber.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A human task of the embedded engine, as the inbox shows it. */
@Entity
@Table(name = "user_task")
class UserTask {
  static final String OPEN = StaffTask.OPEN;
  static final String COMPLETED = StaffTask.COMPLETED;
  static final String CANCELED = StaffTask.CANCELED;

  @Id
  @Column(name = "job_key")
  private long jobKey;

  @Column(name = "element_id")
  private String elementId;

  private String name;

  @Column(name = "process_id")
  private String processId;

  @Column(name = "process_instance_key")
  private long processInstanceKey;

  @Column(name = "candidate_groups")
  private String candidateGroups;

  @Column(name = "form_key")
  private String formKey;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "deal_id")
  private String dealId;

  private String variables;
  private String status;
  private String assignee;

  @Column(name = "completed_by")
  private String completedBy;

  private String submitted;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version private long version;

  protected UserTask() {}

  UserTask(long jobKey, String elementId, String name, String processId, long processInstanceKey, String candidateGroups,
      String formKey, Instant dueAt, String dealId, String variables, Instant createdAt) {
    this.jobKey = jobKey;
    this.elementId = elementId;
    this.name = name;
    this.processId = processId;
    this.processInstanceKey = processInstanceKey;
    this.candidateGroups = candidateGroups;
    this.formKey = formKey;
    this.dueAt = dueAt;
    this.dealId = dealId;
    this.variables = variables;
    this.status = OPEN;
    this.createdAt = createdAt;
  }

  private List<String> candidateGroups() {
    return candidateGroups == null ? List.of() : Arrays.stream(candidateGroups.split(",")).map(String::trim).toList();
  }

  void complete(String by, Instant at, String submitted) {
    this.submitted = submitted;
    this.status = COMPLETED;
    this.completedBy = by;
    this.completedAt = at;
  }

  void cancel() {
    this.status = CANCELED;
  }

  void claim(String staffEmail) {
    this.assignee = staffEmail;
  }

  void unclaim() {
    this.assignee = null;
  }

  long getJobKey() {
    return jobKey;
  }

  StaffTask view() {
    return new StaffTask(jobKey, elementId, name, processId, processInstanceKey, candidateGroups(), formKey, dueAt, dealId, variables,
        status, assignee, completedBy, createdAt, completedAt);
  }
}
