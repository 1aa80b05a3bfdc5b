package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A repeated command is recognised on gRPC and on REST alike, and so is an engine that cannot answer. */
class EngineAnswersTest {
  private static final String ALREADY_PUBLISHED = "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new message "
      + "with id 'm-1', but a message with that id was already published";

  private static ProblemException rest(int status, String title, String detail) {
    return new ProblemException(status, "Failed with code " + status,
        new ProblemDetail().setStatus(status).setTitle(title).setDetail(detail));
  }

  @Test
  void aRepeatedMessageIdIsADuplicateOnBothTransports() {
    assertThat(EngineAnswers.isDuplicate(new ClientStatusException(Status.ALREADY_EXISTS, null))).isTrue();
    assertThat(EngineAnswers.isDuplicate(rest(409, "ALREADY_EXISTS", ALREADY_PUBLISHED))).isTrue();
    assertThat(EngineAnswers.isDuplicate(new CompletionException(rest(409, "ALREADY_EXISTS", ALREADY_PUBLISHED)))).isTrue();
    // Another 409: the engine refused the command (a listener's denial, a task no longer waiting).
    assertThat(EngineAnswers.isDuplicate(rest(409, "INVALID_STATE", "Command 'COMPLETE' rejected with code 'INVALID_STATE': no"))).isFalse();
    assertThat(EngineAnswers.isDuplicate(new ClientHttpException(409, "Conflict"))).isFalse();
    assertThat(EngineAnswers.isDuplicate(new ClientStatusException(Status.NOT_FOUND, null))).isFalse();
    assertThat(EngineAnswers.isDuplicate(new ClientHttpException(404, "Not Found"))).isFalse();
    assertThat(EngineAnswers.isDuplicate(new IllegalStateException("boom"))).isFalse();
  }

  @Test
  void anEngineThatCannotAnswerNowIsUnreachableOnBothTransports() {
    assertThat(EngineAnswers.isUnreachable(new ClientStatusException(Status.UNAVAILABLE, null))).isTrue();
    assertThat(EngineAnswers.isUnreachable(new ClientStatusException(Status.RESOURCE_EXHAUSTED, null))).isTrue();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(503, "Service Unavailable"))).isTrue();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(429, "Too Many Requests"))).isTrue();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(502, "Bad Gateway"))).isTrue();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(504, "Gateway Timeout"))).isTrue();
    assertThat(EngineAnswers.isUnreachable(rest(409, "INVALID_STATE", "no"))).isFalse();
    assertThat(EngineAnswers.isUnreachable(new IllegalStateException("connection refused"))).isTrue();
    // A refusal of this one command: the others may still go through.
    assertThat(EngineAnswers.isUnreachable(new ClientStatusException(Status.NOT_FOUND, null))).isFalse();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(400, "Bad Request"))).isFalse();
  }
}
