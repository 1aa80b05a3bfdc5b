package id.rekber.escrow;

import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.END_EVENT;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.EVENT_BASED_GATEWAY;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.INTERMEDIATE_CATCH_EVENT;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.SEQUENCE_FLOW;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.SERVICE_TASK;
import static io.camunda.zeebe.protocol.record.value.BpmnElementType.START_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deal-page progress, folded from process-instance events without Spring or an engine. */
class ProgressFoldTest {
  final ProgressFold fold = new ProgressFold(3);

  @Test
  void activeUntilCompletedThenDoneWithTheFlowsTaken() {
    fold.apply(1, PROCESS, ELEMENT_ACTIVATED, "escrow-lifecycle");
    fold.apply(1, START_EVENT, ELEMENT_ACTIVATING, "StartEvent_DealCreated");
    fold.apply(1, START_EVENT, ELEMENT_ACTIVATED, "StartEvent_DealCreated");
    fold.apply(1, START_EVENT, ELEMENT_COMPLETED, "StartEvent_DealCreated");
    fold.apply(1, SEQUENCE_FLOW, SEQUENCE_FLOW_TAKEN, "Flow_DealCreatedToMarkAwaitingAcceptance");
    fold.apply(1, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_MarkAwaitingAcceptance");

    assertThat(fold.steps(1).active()).containsExactly("Task_MarkAwaitingAcceptance");
    assertThat(fold.steps(1).done()).containsExactly("StartEvent_DealCreated", "Flow_DealCreatedToMarkAwaitingAcceptance");

    fold.apply(1, SERVICE_TASK, ELEMENT_COMPLETED, "Task_MarkAwaitingAcceptance");
    fold.apply(1, EVENT_BASED_GATEWAY, ELEMENT_ACTIVATED, "Gateway_AwaitCounterparty");
    assertThat(fold.steps(1).active()).containsExactly("Gateway_AwaitCounterparty");
    assertThat(fold.steps(1).done()).contains("Task_MarkAwaitingAcceptance").doesNotContain("escrow-lifecycle");
  }

  @Test
  void terminatedIsNeitherActiveNorDoneAndAReentryIsActiveNotDone() {
    fold.apply(1, INTERMEDIATE_CATCH_EVENT, ELEMENT_ACTIVATED, "Event_A");
    fold.apply(1, INTERMEDIATE_CATCH_EVENT, ELEMENT_TERMINATED, "Event_A");
    fold.apply(1, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Loop");
    fold.apply(1, SERVICE_TASK, ELEMENT_COMPLETED, "Task_Loop");
    fold.apply(1, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Loop");

    assertThat(fold.steps(1).active()).containsExactly("Task_Loop");
    assertThat(fold.steps(1).done()).isEmpty();
  }

  @Test
  void instancesAreKeptApartAndUnknownOnesHaveNoMarkers() {
    fold.apply(1, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_One");
    fold.apply(2, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Two");

    assertThat(fold.steps(1).active()).containsExactly("Task_One");
    assertThat(fold.steps(2).active()).containsExactly("Task_Two");
    assertThat(fold.steps(99)).isEqualTo(DealProgress.Steps.UNKNOWN);
  }

  @Test
  void beyondCapacityEndedInstancesGoFirstThenTheLeastRecentlyChanged() {
    fold.apply(1, END_EVENT, ELEMENT_COMPLETED, "EndEvent_DealCompleted");
    fold.apply(2, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Two");
    fold.apply(1, PROCESS, ELEMENT_COMPLETED, "escrow-lifecycle");
    fold.apply(3, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Three");
    fold.apply(4, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Four");

    assertThat(fold.size()).isEqualTo(3);
    assertThat(fold.steps(1)).as("ended, so dropped first").isEqualTo(DealProgress.Steps.UNKNOWN);

    fold.apply(2, SERVICE_TASK, ELEMENT_COMPLETED, "Task_Two"); // 3 is now the least recently changed
    fold.apply(5, SERVICE_TASK, ELEMENT_ACTIVATED, "Task_Five");
    assertThat(fold.steps(3)).isEqualTo(DealProgress.Steps.UNKNOWN);
    assertThat(fold.steps(2).done()).containsExactly("Task_Two");
    assertThat(fold.size()).isEqualTo(3);
  }

  @Test
  void theEngineProgressReadsEachRecordOnceAndOnlyEscrowInstances() {
    List<Record<?>> log = new ArrayList<>();
    RecordStreamSource stream = () -> java.util.Collections.unmodifiableList(log);
    EngineDealProgress progress = new EngineDealProgress(null, 100);
    log.add(record(1, 7, "escrow-lifecycle", SERVICE_TASK, ELEMENT_ACTIVATED, "Task_MarkAwaitingAcceptance"));
    log.add(record(2, 8, "payout", SERVICE_TASK, ELEMENT_ACTIVATED, "Task_SendPayout"));
    progress.catchUp(stream);
    assertThat(progress.recordsRead()).isEqualTo(2);

    log.add(record(3, 7, "escrow-lifecycle", SERVICE_TASK, ELEMENT_COMPLETED, "Task_MarkAwaitingAcceptance"));
    progress.catchUp(stream);
    progress.catchUp(stream);

    assertThat(progress.recordsRead()).as("no record read twice").isEqualTo(3);
    assertThat(progress.stepsOf(stream, 7).done()).containsExactly("Task_MarkAwaitingAcceptance");
    assertThat(progress.stepsOf(stream, 8)).as("not an escrow instance").isEqualTo(DealProgress.Steps.UNKNOWN);
  }

  static Record<?> record(long position, long instance, String processId, BpmnElementType type, ProcessInstanceIntent intent, String element) {
    return ImmutableRecord.builder()
        .withPosition(position)
        .withKey(position * 10)
        .withRecordType(RecordType.EVENT)
        .withValueType(ValueType.PROCESS_INSTANCE)
        .withIntent(intent)
        .withValue(ImmutableProcessInstanceRecordValue.builder()
            .withProcessInstanceKey(instance)
            .withBpmnProcessId(processId)
            .withBpmnElementType(type)
            .withElementId(element)
            .build())
        .build();
  }
}
