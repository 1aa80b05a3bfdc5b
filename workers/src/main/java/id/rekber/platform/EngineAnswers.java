package id.rekber.platform;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;

/**
 * Reads what the engine answered, on either of the Camunda client's transports: gRPC status codes
 * ({@link ClientStatusException}) or HTTP problem details from the Orchestration Cluster REST API
 * ({@link ClientHttpException}), which the 8.8 client prefers for many commands.
 */
final class EngineAnswers {
  private EngineAnswers() {}

  /** The engine already has this (a message id it buffers): the command has had its effect. */
  static boolean isDuplicate(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ClientStatusException status) {
        return status.getStatusCode() == io.grpc.Status.Code.ALREADY_EXISTS;
      }
      if (e instanceof ClientHttpException) {
        // REST answers 409 both for ALREADY_EXISTS and for INVALID_STATE (e.g. a task listener's
        // denial, an element no longer waiting): only the former means "already done".
        return EngineProblem.of(e).filter(p -> p.status() == 409 && p.isRejection("ALREADY_EXISTS")).isPresent();
      }
    }
    return false;
  }

  /** No answer, or one that says "not now": every other command would fail the same way. */
  static boolean isUnreachable(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ClientStatusException status) {
        return switch (status.getStatusCode()) {
          case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED -> true;
          default -> false;
        };
      }
      if (e instanceof ClientHttpException http) {
        return http.code() == 429 || http.code() == 502 || http.code() == 503 || http.code() == 504;
      }
    }
    return true;
  }
}
