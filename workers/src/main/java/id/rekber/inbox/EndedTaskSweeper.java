package id.rekber.inbox;

import id.rekber.platform.SingleNodeOnly;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job-worker user task can end without us: a boundary timer (an SLA escalation) or a cancelled
 * deal terminates it and the engine drops its job. Every few seconds each open task's job is
 * touched by renewing its lock; a job the engine no longer knows means the task ended, so it leaves
 * the inbox. Renewing also keeps a long-open task from being handed out again.
 */
@Component
class EndedTaskSweeper {
  private static final Logger log = LoggerFactory.getLogger(EndedTaskSweeper.class);
  static final Duration LOCK = Duration.ofMillis(UserTaskWorker.LOCK_MS);

  private final UserTaskRepository tasks;
  private final CamundaClient client;
  private final TransactionTemplate transaction;

  EndedTaskSweeper(UserTaskRepository tasks, CamundaClient client, TransactionTemplate transaction) {
    this.tasks = tasks;
    this.client = client;
    this.transaction = transaction;
  }

  @Scheduled(fixedDelayString = "${rekber.inbox.sweep-interval:PT5S}", initialDelayString = "${rekber.inbox.sweep-interval:PT5S}")
  void sweep() {
    for (UserTask open : tasks.findByStatusOrderByCreatedAtAsc(UserTask.OPEN)) {
      try {
        transaction.executeWithoutResult(status -> check(open.getJobKey()));
      } catch (RuntimeException e) {
        log.debug("Could not check task {}: {}", open.getJobKey(), e.getMessage());
      }
    }
  }

  private void check(long key) {
    // Locked first: a completion running now either finished (status no longer OPEN) or waits for us.
    tasks.findForUpdate(key).filter(t -> t.view().isOpen()).ifPresent(task -> {
      try {
        client.newUpdateTimeoutCommand(key).timeout(LOCK).send().join();
      } catch (ClientStatusException e) {
        if (e.getStatusCode() == Status.Code.NOT_FOUND) {
          log.info("Task {} ({}) ended in the engine; removed from the inbox", key, task.view().getName());
          task.cancel();
        } else {
          throw e;
        }
      }
    });
  }
}
