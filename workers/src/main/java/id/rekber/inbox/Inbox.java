package id.rekber.inbox;

import java.util.List;
import java.util.Map;

/**
 * Staff inboxes. Single-node mode works the embedded engine's job-worker user tasks; a cluster
 * implementation would use the Orchestration Cluster REST API behind the same interface.
 */
public interface Inbox {
  List<UserTask> openTasks(List<String> groups);

  UserTask task(long key, List<String> groups);

  void complete(long key, List<String> groups, String staffEmail, Map<String, Object> variables);
}
