package id.rekber.inbox;

import id.rekber.platform.ClusterOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job workers of the {@code zeebe:taskListeners} on every user task (cluster mode only). Each
 * answer is sent after {@link TaskListeners} committed; a lost answer makes the engine hand the job
 * out again, and the handling is idempotent (a task completed once is accepted again without a
 * second trail). Listener jobs must be completed without variables.
 */
@Component
@ClusterOnly
class TaskListenerWorkers {
  static final String CREATING = "rekber-task-creating";
  static final String ASSIGNING = "rekber-task-assigning";
  static final String COMPLETING = "rekber-task-completing";
  static final String CANCELING = "rekber-task-canceling";
  private static final Logger log = LoggerFactory.getLogger(TaskListenerWorkers.class);

  private final TaskListeners listeners;

  TaskListenerWorkers(TaskListeners listeners) {
    this.listeners = listeners;
  }

  @JobWorker(type = CREATING, autoComplete = false)
  public void creating(JobClient client, ActivatedJob job) {
    listeners.creating(ListenerTask.of(job));
    client.newCompleteCommand(job).send().join();
  }

  @JobWorker(type = ASSIGNING, autoComplete = false)
  public void assigning(JobClient client, ActivatedJob job) {
    answer(client, job, listeners.assigning(ListenerTask.of(job)));
  }

  @JobWorker(type = COMPLETING, autoComplete = false)
  public void completing(JobClient client, ActivatedJob job) {
    answer(client, job, listeners.completing(ListenerTask.of(job)));
  }

  @JobWorker(type = CANCELING, autoComplete = false)
  public void canceling(JobClient client, ActivatedJob job) {
    listeners.canceling(ListenerTask.of(job));
    client.newCompleteCommand(job).send().join();
  }

  private static void answer(JobClient client, ActivatedJob job, ListenerVerdict verdict) {
    answerFor(client, job, verdict);
  }

  /** The command that answers a listener job (package-private for the contract test). */
  static void answerFor(JobClient client, ActivatedJob job, ListenerVerdict verdict) {
    if (verdict.denied()) {
      log.info("Denied {} of user task {} ({}): {}", job.getType(), job.getUserTask().getUserTaskKey(), job.getElementId(), verdict.reason());
      client.newCompleteCommand(job).withResult(r -> r.forUserTask().deny(true, verdict.reason())).send().join();
    } else {
      client.newCompleteCommand(job).send().join();
    }
  }
}
