package id.rekber.inbox;

import id.rekber.identity.AppUser;
import id.rekber.platform.DeployedModels;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff inboxes. Single-node mode works the embedded engine's job-worker user tasks
 * ({@link JobWorkerInbox}); cluster mode works Camunda user tasks through the Orchestration Cluster
 * REST API ({@link ClusterInbox}).
 * {@code groups} are the caller's realm roles; a task is visible to anyone in one of its candidate
 * groups. Claiming assigns the task to one staff member; only they (or an admin) may complete it.
 */
public interface Inbox {
  List<StaffTask> openTasks(List<String> groups);

  StaffTask task(long key, List<String> groups);

  StaffTask claim(long key, List<String> groups, AppUser staff);

  StaffTask unclaim(long key, List<String> groups, AppUser staff);

  void complete(long key, List<String> groups, AppUser staff, Map<String, Object> variables);

  /** The Camunda Form the task shows (the version the task's process linked), if it has one. */
  Optional<DeployedModels.Form> form(StaffTask task);
}
