package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.grpc.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replacing the engine: the same client carries on against the fresh engine on the same port, keys
 * never repeat, and the clock offset the time machine applied holds for the new engine's timers.
 */
class EmbeddedEngineTest {
  private static final BpmnModelInstance TIMER_THEN_JOB =
      Bpmn.createExecutableProcess("timer-then-job")
          .startEvent()
          .intermediateCatchEvent("wait").timerWithDateExpression("due")
          .serviceTask("work", t -> t.zeebeJobType("after-timer"))
          .endEvent()
          .done();

  private AdjustableClock clock;
  private EmbeddedEngine engine;
  private TimeMachine time;
  private CamundaClient client;

  @BeforeEach
  void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    clock = new AdjustableClock();
    engine = new EmbeddedEngine(port, clock);
    engine.start();
    time = new TimeMachine(engine, clock);
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + port))
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .preferRestOverGrpc(false)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    engine.stop();
  }

  @Test
  void theSameClientCarriesOnWithTheNewEngineWithoutRepeatingKeysOrLosingTheClockOffset() {
    deploy();
    time.advance(Duration.ofDays(1));
    long before = start(Duration.ofDays(30));
    assertThat(engine.logEntries()).isPositive();

    engine.replace();

    assertThat(engine.status()).containsEntry("generation", 2L);
    // The client's channel reconnects by itself once the new gateway listens.
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.newTopologyRequest().send().join() != null);
    deploy();
    // The old engine's instances are gone; the new engine's keys come after the old engine's.
    assertThatThrownBy(() -> client.newCancelInstanceCommand(before).send().join())
        .isInstanceOfSatisfying(ClientStatusException.class, e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.NOT_FOUND));
    long after = start(Duration.ofHours(1));
    assertThat(after).isGreaterThan(before);

    // The timer is due an hour after the application clock, which runs a day ahead of the system
    // clock: it fires only if the new engine's clock was moved by the same day.
    time.advance(Duration.ofHours(1).plusMinutes(1));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("after-timer").maxJobsToActivate(10).send().join().getJobs();
      assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).contains(after);
    });
  }

  private void deploy() {
    client.newDeployResourceCommand().addProcessModel(TIMER_THEN_JOB, "timer-then-job.bpmn").send().join();
  }

  private long start(Duration dueIn) {
    String due = clock.instant().plus(dueIn).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    return client.newCreateInstanceCommand().bpmnProcessId("timer-then-job").latestVersion()
        .variables(Map.of("due", due)).send().join().getProcessInstanceKey();
  }

  @Test
  void theRecordsReadFromTheLogAreTheEnginesOwnWithoutKeepingCopies() throws Exception {
    deploy();
    long instance = start(Duration.ofMinutes(1));
    time.advance(Duration.ofMinutes(2));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(client.newActivateJobsCommand().jobType("after-timer").maxJobsToActivate(1).send().join().getJobs()).hasSize(1));
    engine.waitForIdleState(Duration.ofSeconds(10));

    List<Record<?>> ours = new java.util.ArrayList<>();
    engine.getRecordStreamSource().getRecords().forEach(ours::add);
    List<Record<?>> theirs = new java.util.ArrayList<>();
    engine.current().getRecordStreamSource().getRecords().forEach(theirs::add);

    assertThat(ours).isNotEmpty().doesNotContainNull();
    assertThat(ours).extracting(Record::getPosition).containsExactlyElementsOf(theirs.stream().map(Record::getPosition).toList());
    assertThat(ours).extracting(Record::getPosition).first().isEqualTo(1L);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(ours.get(i).getValueType()).isEqualTo(theirs.get(i).getValueType());
      assertThat(ours.get(i).getIntent()).isEqualTo(theirs.get(i).getIntent());
      assertThat(ours.get(i).getKey()).isEqualTo(theirs.get(i).getKey());
      assertThat(ours.get(i).getValue()).isEqualTo(theirs.get(i).getValue());
    }
    assertThat(ours).anyMatch(r -> r.getValue() instanceof io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue p
        && p.getProcessInstanceKey() == instance);
  }
}
