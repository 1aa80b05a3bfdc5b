package id.rekber.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the outbox relay makes of the engine's answers, on both transports of a real Camunda client:
 * REST against WireMock playing the Orchestration Cluster REST API (problem shapes as the 8.8
 * gateway writes them: a broker rejection's type is the problem title, and both ALREADY_EXISTS and
 * INVALID_STATE are HTTP 409), gRPC against a gateway stub served by grpc-netty in this JVM.
 */
class EngineAnswersTransportTest {
  static final String ALREADY_PUBLISHED = "Command 'PUBLISH' rejected with code 'ALREADY_EXISTS': Expected to publish a new "
      + "message with id 'deal-RB-7-paid', but a message with that id was already published";

  static Throwable publish(CamundaClient client) {
    return catchThrowable(() -> client.newPublishMessageCommand().messageName("payment-received").correlationKey("RB-7")
        .messageId("deal-RB-7-paid").timeToLive(Duration.ofMinutes(5)).send().join());
  }

  @Nested
  class OverRest {
    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    CamundaClient client;

    @BeforeEach
    void client() {
      client = CamundaClient.newClientBuilder().restAddress(URI.create(gateway.baseUrl())).grpcAddress(URI.create("http://127.0.0.1:1"))
          .preferRestOverGrpc(true).credentialsProvider(new NoopCredentialsProvider()).defaultRequestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void close() {
      client.close();
    }

    /**
     * POST /v2/messages/publication; https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/publish-message/
     * Errors are application/problem+json (type, title, status, detail, instance).
     */
    void answer(int status, String title, String detail) {
      gateway.stubFor(post("/v2/messages/publication").willReturn(aResponse().withStatus(status)
          .withHeader("Content-Type", "application/problem+json")
          .withBody("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"instance\":\"/v2/messages/publication\"}"
              .formatted(title, status, detail))));
    }

    @Test
    void aRepeatedMessageIdIsADuplicate() {
      answer(409, "ALREADY_EXISTS", ALREADY_PUBLISHED);

      Throwable error = publish(client);

      assertThat(EngineAnswers.isDuplicate(error)).isTrue();
      assertThat(EngineAnswers.isUnreachable(error)).isFalse();
      gateway.verify(postRequestedFor(urlPathEqualTo("/v2/messages/publication"))
          .withRequestBody(matchingJsonPath("$.messageId", equalTo("deal-RB-7-paid")))
          .withRequestBody(matchingJsonPath("$.correlationKey", equalTo("RB-7"))));
    }

    @Test
    void anotherConflictIsNoDuplicate() {
      answer(409, "INVALID_STATE", "Command 'CREATE' rejected with code 'INVALID_STATE': something else");

      Throwable error = publish(client);

      assertThat(EngineAnswers.isDuplicate(error)).isFalse();
      assertThat(EngineAnswers.isUnreachable(error)).isFalse();
    }

    @Test
    void backpressureAndGatewayTroubleMeanUnreachable() {
      // 503 with title RESOURCE_EXHAUSTED is the documented backpressure answer; 429, 502 and 504 as the gateway maps them.
      for (int status : new int[] {429, 502, 503, 504}) {
        answer(status, status == 503 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE", "not now");
        Throwable error = publish(client);
        assertThat(EngineAnswers.isUnreachable(error)).as("HTTP %d", status).isTrue();
        assertThat(EngineAnswers.isDuplicate(error)).as("HTTP %d", status).isFalse();
      }
    }

    @Test
    void aBadRequestIsNeither() {
      answer(400, "INVALID_ARGUMENT", "No messageName provided");

      Throwable error = publish(client);

      assertThat(EngineAnswers.isDuplicate(error)).isFalse();
      assertThat(EngineAnswers.isUnreachable(error)).isFalse();
    }

    @Test
    void noGatewayAtAllIsUnreachable() {
      try (CamundaClient nowhere = CamundaClient.newClientBuilder().restAddress(URI.create("http://127.0.0.1:1"))
          .grpcAddress(URI.create("http://127.0.0.1:1")).preferRestOverGrpc(true).credentialsProvider(new NoopCredentialsProvider())
          .defaultRequestTimeout(Duration.ofSeconds(2)).build()) {
        assertThat(EngineAnswers.isUnreachable(publish(nowhere))).isTrue();
      }
    }
  }

  @Nested
  class OverGrpc {
    final AtomicReference<Status> answer = new AtomicReference<>();
    Server server;
    CamundaClient client;

    @BeforeEach
    void gateway() throws Exception {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new GatewayGrpc.GatewayImplBase() {
        @Override
        public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> response) {
          response.onError(answer.get().asRuntimeException());
        }
      }).build().start();
      client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + server.getPort()))
          .restAddress(URI.create("http://127.0.0.1:1")).preferRestOverGrpc(false).credentialsProvider(new NoopCredentialsProvider())
          .defaultRequestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void close() {
      client.close();
      server.shutdownNow();
    }

    @Test
    void aRepeatedMessageIdIsADuplicate() {
      answer.set(Status.ALREADY_EXISTS.withDescription(ALREADY_PUBLISHED));

      Throwable error = publish(client);

      assertThat(EngineAnswers.isDuplicate(error)).isTrue();
      assertThat(EngineAnswers.isUnreachable(error)).isFalse();
    }

    @Test
    void backpressureAndOutagesMeanUnreachable() {
      for (Status status : new Status[] {Status.RESOURCE_EXHAUSTED, Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED}) {
        answer.set(status.withDescription("not now"));
        Throwable error = publish(client);
        assertThat(EngineAnswers.isUnreachable(error)).as(status.getCode().name()).isTrue();
        assertThat(EngineAnswers.isDuplicate(error)).as(status.getCode().name()).isFalse();
      }
    }

    @Test
    void aRejectedCommandIsNeither() {
      answer.set(Status.FAILED_PRECONDITION.withDescription("Command 'PUBLISH' rejected with code 'INVALID_STATE'"));

      Throwable error = publish(client);

      assertThat(EngineAnswers.isDuplicate(error)).isFalse();
      assertThat(EngineAnswers.isUnreachable(error)).isFalse();
    }
  }
}
