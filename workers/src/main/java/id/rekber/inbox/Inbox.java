package id.rekber.inbox;

import id.rekber.identity.AppUser;
import java.util.List;
import java.util.Map;

/**
 * Staff inboxes. Single-node mode works the embedded engine's job-worker user tasks; a cluster
 * implementation would use the Orchestration Cluster REST API behind the same interface.
 * {@code groups} are the caller's realm roles; a task is visible to anyone in one of its candidate
 * groups. Claiming assigns the task to one staff member; only they (or an admin) may complete it.
 */
public interface Inbox {
  List<StaffTask> openTasks(List<String> groups);

  StaffTask task(long key, List<String> groups);

  StaffTask claim(long key, List<String> groups, AppUser staff);

  StaffTask unclaim(long key, List<String> groups, AppUser staff);

  void complete(long key, List<String> groups, AppUser staff, Map<String, Object> variables);
}
