package id.rekber.inbox;

import java.util.Collection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Questions other modules may ask about staff tasks, without reading the inbox's table. */
@Component
public class OpenTasks {
  private final UserTaskRepository tasks;

  OpenTasks(UserTaskRepository tasks) {
    this.tasks = tasks;
  }

  /** Has any task of this process for this deal (open or done) been offered to one of these groups? */
  @Transactional(readOnly = true)
  public boolean offeredTo(String processId, String dealId, Collection<String> groups) {
    return tasks.findByProcessIdAndDealId(processId, dealId).stream().map(UserTask::view).anyMatch(t -> t.isFor(java.util.List.copyOf(groups)));
  }

  /**
   * Single-node mode after a restart: the previous engine's tasks are gone with it; the rebuilt
   * process instances create them again. Returns how many were closed.
   */
  @Transactional
  public int closeTasksOfPreviousEngine() {
    return tasks.cancelAllOpen();
  }
}
