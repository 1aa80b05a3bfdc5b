package id.rekber.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps everyone but the rebase away from the embedded engine while it is replaced
 * ({@link EngineRebase}). Open nearly always; while the engine is replaced:
 *
 * <ul>
 *   <li><b>held</b>: state-changing HTTP requests wait at {@link EngineGateFilter} before they touch
 *       anything; engine commands that start new work (messages, new instances, cancellations …) from
 *       any thread but the rebase's are refused as UNAVAILABLE by {@link EngineGateInterceptor} (the
 *       callers treat that as passing and retry); job workers go on activating and finishing jobs;
 *   <li><b>sealed</b>: in addition no job is handed to a worker any more (activation refused, jobs of
 *       a long poll still open are dropped), so once the jobs already handed out are finished no
 *       worker touches the database on the old engine's behalf.
 * </ul>
 *
 * The rebase's own thread (deploying models, rebuilding instances) always passes.
 */
@Component
@SingleNodeOnly
class EngineGate {
  enum State {
    OPEN,
    HELD,
    SEALED
  }

  /** Job types that are not work in progress: a job-worker user task stays activated until staff decide. */
  private static final Set<String> LONG_LIVED_JOB_TYPES = Set.of("io.camunda.zeebe:userTask");
  /** What job workers need to finish jobs they hold, and harmless questions. */
  private static final Set<String> WHILE_SEALED = Set.of("CompleteJob", "FailJob", "ThrowError", "UpdateJobTimeout", "UpdateJobRetries", "Topology");
  private static final Set<String> WHILE_HELD = union(WHILE_SEALED, Set.of("ActivateJobs", "StreamActivatedJobs", "EvaluateDecision"));
  /** A job handed out this long ago without an answer is not waited for (its handler died or never ran). */
  private static final Duration STALE_JOB = Duration.ofMinutes(1);

  private final Map<Long, Long> jobsInFlight = new ConcurrentHashMap<>();
  private volatile long lastJobActivity = System.nanoTime();
  private volatile State state = State.OPEN;
  private volatile Thread owner;
  private int requestsInFlight;

  State state() {
    return state;
  }

  // --- HTTP (EngineGateFilter)

  /** Waits while the gate is closed, at most {@code maxWait}; false if it stayed closed. */
  synchronized boolean enterRequest(Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (state != State.OPEN && Thread.currentThread() != owner) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    requestsInFlight++;
    return true;
  }

  synchronized void exitRequest() {
    requestsInFlight--;
    notifyAll();
  }

  // --- engine calls (EngineGateInterceptor); bare gRPC method names of gateway_protocol.Gateway

  boolean refuses(String method) {
    State now = state;
    if (now == State.OPEN || Thread.currentThread() == owner) {
      return false;
    }
    return !(now == State.SEALED ? WHILE_SEALED : WHILE_HELD).contains(method);
  }

  /** Jobs arriving now would run while (or after) the engine is replaced: they must not reach a worker. */
  boolean dropsActivatedJobs() {
    return state == State.SEALED;
  }

  void activated(long jobKey, String type) {
    lastJobActivity = System.nanoTime();
    if (!LONG_LIVED_JOB_TYPES.contains(type)) {
      if (jobsInFlight.size() > 10_000) {
        pruneStale();
      }
      jobsInFlight.put(jobKey, System.nanoTime());
    }
  }

  void finished(long jobKey) {
    lastJobActivity = System.nanoTime();
    jobsInFlight.remove(jobKey);
  }

  // --- the rebase

  synchronized void hold() {
    owner = Thread.currentThread();
    state = State.HELD;
  }

  synchronized void seal() {
    state = State.SEALED;
  }

  synchronized void unseal() {
    state = State.HELD;
  }

  synchronized void open() {
    state = State.OPEN;
    owner = null;
    notifyAll();
  }

  /** Waits until no state-changing request is running; false after {@code timeout}. */
  synchronized boolean awaitRequestsDone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requestsInFlight > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Waits until every job handed to a worker has been completed or failed and no job was handed out
   * or finished for {@code quiet} (the chains that messages and timers started have reached their
   * next wait state); false after {@code timeout}.
   */
  boolean awaitJobsDone(Duration quiet, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      pruneStale();
      if (jobsInFlight.isEmpty() && System.nanoTime() - lastJobActivity >= quiet.toNanos()) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(10);
    }
  }

  private void pruneStale() {
    long staleBefore = System.nanoTime() - STALE_JOB.toNanos();
    jobsInFlight.values().removeIf(activated -> activated - staleBefore < 0);
  }

  int jobsInFlight() {
    return jobsInFlight.size();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
