package id.rekber.platform;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Orchestration Cluster REST API answered when a command failed: the HTTP status and, when
 * the body was an RFC 7807 problem, its title and detail. A broker rejection comes back with the
 * rejection type as title (e.g. {@code ALREADY_EXISTS}, {@code INVALID_STATE}, {@code NOT_FOUND}) and
 * a detail of the form "Command 'X' rejected with code 'TYPE': reason".
 */
public record EngineProblem(int status, String title, String detail) {
  private static final Pattern DENIAL = Pattern.compile("denied by Task Listener\\. Reason to deny: '(.*)'\\s*$", Pattern.DOTALL);

  /** The first REST answer in the cause chain, if the error came from the REST transport. */
  public static Optional<EngineProblem> of(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof ProblemException problem) {
        ProblemDetail details = problem.details();
        return Optional.of(new EngineProblem(problem.code(), details == null ? null : details.getTitle(),
            details == null ? problem.reason() : details.getDetail()));
      }
      if (e instanceof ClientHttpException http) {
        return Optional.of(new EngineProblem(http.code(), null, http.reason()));
      }
    }
    return Optional.empty();
  }

  /** The rejection type, from the title or else from the "rejected with code" text of the detail. */
  public boolean isRejection(String type) {
    return type.equals(title) || (detail != null && detail.contains("rejected with code '" + type + "'"));
  }

  /**
   * The reason a task listener gave when it denied a lifecycle transition (the engine rejects the
   * command as INVALID_STATE, "... was denied by Task Listener. Reason to deny: 'reason'").
   */
  public Optional<String> listenerDenial() {
    if (status != 409 || detail == null) {
      return Optional.empty();
    }
    Matcher m = DENIAL.matcher(detail);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
