package id.rekber.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ProcessHarness;
import id.rekber.web.StepTracker.State;
import id.rekber.web.StepTracker.Step;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTrackerTest {
  @Test
  void theMainPathsWaitStatesWithTheirDeadlinesFromTheModel() throws Exception {
    byte[] bpmn = Files.readAllBytes(ProcessHarness.modelsRoot().resolve("processes/escrow-lifecycle.bpmn"));
    List<Step> steps = StepTracker.of(bpmn, List.of("Gateway_AwaitShipment"), List.of("Gateway_AwaitCounterparty", "Gateway_AwaitPayment"));

    assertThat(steps).extracting(Step::elementId).startsWith(
        "Gateway_AwaitCounterparty", "Gateway_AwaitPayment", "Gateway_AwaitShipment", "Gateway_AwaitDelivery", "Task_AwaitBuyerVerdict");
    assertThat(steps).extracting(Step::state).startsWith(State.DONE, State.DONE, State.NOW, State.NEXT, State.NEXT);
    assertThat(steps).extracting(Step::deadlineVariable).startsWith(
        "acceptDeadline", "paymentDeadline", "shipDeadline", "deliveryFallbackAt", "inspectionDeadline");
    assertThat(steps.get(steps.size() - 1).elementId()).startsWith("EndEvent_");
  }
}
