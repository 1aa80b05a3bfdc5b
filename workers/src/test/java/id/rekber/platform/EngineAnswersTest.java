package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A repeated command is recognised on gRPC and on REST alike, and so is an engine that cannot answer. */
class EngineAnswersTest {
  @Test
  void aRepeatedMessageIdIsADuplicateOnBothTransports() {
    assertThat(EngineAnswers.isDuplicate(new ClientStatusException(Status.ALREADY_EXISTS, null))).isTrue();
    assertThat(EngineAnswers.isDuplicate(new ClientHttpException(409, "Conflict"))).isTrue();
    assertThat(EngineAnswers.isDuplicate(new CompletionException(new ClientHttpException(409, "Conflict")))).isTrue();
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
    assertThat(EngineAnswers.isUnreachable(new IllegalStateException("connection refused"))).isTrue();
    // A refusal of this one command: the others may still go through.
    assertThat(EngineAnswers.isUnreachable(new ClientStatusException(Status.NOT_FOUND, null))).isFalse();
    assertThat(EngineAnswers.isUnreachable(new ClientHttpException(400, "Bad Request"))).isFalse();
  }
}
