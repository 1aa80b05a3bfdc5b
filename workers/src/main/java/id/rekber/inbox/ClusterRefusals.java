package id.rekber.inbox;

import id.rekber.platform.EngineProblem;
import id.rekber.platform.Refusal;
import java.util.Optional;

/**
 * Turns what the orchestration cluster refused into a refusal staff can read. A task listener's
 * denial (HTTP 409, INVALID_STATE, "... denied by Task Listener. Reason to deny: '...'") carries the
 * listener's reason; a task that is gone or changed under us is a conflict; the application's own
 * client lacking a grant is forbidden. Anything else (engine unreachable, bad request) stays an error.
 */
final class ClusterRefusals {
  private ClusterRefusals() {}

  static RuntimeException of(RuntimeException error, long key) {
    Optional<EngineProblem> answer = EngineProblem.of(error);
    if (answer.isEmpty()) {
      return error;
    }
    EngineProblem problem = answer.get();
    Optional<String> denial = problem.listenerDenial();
    if (denial.isPresent()) {
      return Refusal.conflict("task.denied", denial.get());
    }
    return switch (problem.status()) {
      case 404 -> Refusal.conflict("task.gone");
      case 409 -> Refusal.conflict("task.changed");
      case 403 -> Refusal.forbidden("task.engine-forbidden", key);
      default -> error;
    };
  }
}
