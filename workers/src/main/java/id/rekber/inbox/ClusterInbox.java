package id.rekber.inbox;

import id.rekber.identity.AppUser;
import id.rekber.platform.ClusterOnly;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Refusal;
import io.camunda.client.CamundaClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The inbox over Camunda user tasks in an orchestration cluster (cluster mode), through the
 * Orchestration Cluster REST API. The application's rules run here first (form rules, the case's
 * rules, who may work on the task) and the engine has the last word: claiming uses
 * {@code allowOverride=false}, so of two staff the engine lets only the first assign; a completion
 * can still be denied by the completing task listener, whose reason is shown.
 *
 * <p>No database row is locked while the engine is called, and nothing is published on
 * completion: in cluster mode the completing task listener records the decider, timeline and mails,
 * for completions from this console and from Tasklist alike.
 */
@Service
@ClusterOnly
class ClusterInbox implements Inbox {
  private static final String ADMIN = "admin";

  private final ClusterTasks tasks;
  private final FormValidator forms;
  private final CaseContexts contexts;
  private final CamundaClient client;

  ClusterInbox(ClusterTasks tasks, FormValidator forms, CaseContexts contexts, CamundaClient client) {
    this.tasks = tasks;
    this.forms = forms;
    this.contexts = contexts;
    this.client = client;
  }

  @Override
  public List<StaffTask> openTasks(List<String> groups) {
    return tasks.open(groups).stream().filter(t -> t.isFor(groups)).toList();
  }

  @Override
  public StaffTask task(long key, List<String> groups) {
    return StaffTaskRules.requireVisible(tasks.get(key), groups);
  }

  @Override
  public StaffTask claim(long key, List<String> groups, AppUser staff) {
    StaffTask task = open(key, groups);
    StaffTaskRules.requireMayWorkOn(contexts, task, staff);
    if (task.isAssignedTo(staff.getEmail())) {
      return task;
    }
    assign(key, staff.getEmail(), false);
    return withAssignee(task, staff.getEmail());
  }

  @Override
  public StaffTask unclaim(long key, List<String> groups, AppUser staff) {
    StaffTask task = open(key, groups);
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail()) && !groups.contains(ADMIN)) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
    if (task.getAssignee() != null) {
      try {
        client.newUnassignUserTaskCommand(key).send().join();
      } catch (RuntimeException e) {
        throw ClusterRefusals.of(e, key);
      }
    }
    return withAssignee(task, null);
  }

  @Override
  public void complete(long key, List<String> groups, AppUser staff, Map<String, Object> variables) {
    StaffTask task = open(key, groups);
    contexts.of(task).flatMap(c -> c.refusal(task, staff)).ifPresent(code -> {
      throw Refusal.forbidden(code);
    });
    boolean admin = groups.contains(ADMIN);
    if (task.getAssignee() != null && !task.isAssignedTo(staff.getEmail()) && !admin) {
      throw Refusal.conflict("task.assigned-to-other", task.getAssignee());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    form(task).ifPresent(form -> errors.putAll(forms.validate(form.schema(), variables)));
    if (errors.isEmpty()) {
      contexts.of(task).ifPresent(c -> errors.putAll(c.validate(task, variables)));
    }
    if (!errors.isEmpty()) {
      throw new FormInvalidException(errors);
    }
    // The completing listener names the assignee as the decider: make that the one deciding now
    // (an admin taking over a colleague's task replaces the assignee; nobody else may).
    if (!task.isAssignedTo(staff.getEmail())) {
      assign(key, staff.getEmail(), task.getAssignee() != null);
    }
    try {
      client.newCompleteUserTaskCommand(key).variables(variables).send().join();
    } catch (RuntimeException e) {
      throw ClusterRefusals.of(e, key);
    }
    tasks.markCompleted(key);
  }

  @Override
  public Optional<DeployedModels.Form> form(StaffTask task) {
    return tasks.form(task);
  }

  private void assign(long key, String assignee, boolean override) {
    try {
      client.newAssignUserTaskCommand(key).assignee(assignee).allowOverride(override).send().join();
    } catch (RuntimeException e) {
      throw ClusterRefusals.of(e, key);
    }
  }

  private StaffTask open(long key, List<String> groups) {
    StaffTask task = task(key, groups);
    StaffTaskRules.requireOpen(task);
    return task;
  }


  private static StaffTask withAssignee(StaffTask t, String assignee) {
    return new StaffTask(t.getJobKey(), t.getElementId(), t.getName(), t.getProcessId(), t.getProcessInstanceKey(), t.candidateGroups(),
        t.getFormKey(), t.getDueAt(), t.getDealId(), t.getVariables(), t.getStatus(), assignee, t.getCompletedBy(), t.getCreatedAt(),
        t.getCompletedAt());
  }
}
