package id.rekber.payment.funds;

import static id.rekber.support.ProcessHarness.Outcome.complete;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ProcessHarness;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** processes/funds-reconciliation.bpmn on its own engine: the daily timer, books that agree, a mismatch for an admin. */
class FundsReconciliationProcessTest {
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static ProcessHarness engine;

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void resetScripts() {
    engine.resetScripts();
  }

  @Test
  void theTimerStartsACheckEveryDayAtAQuarterPastMidnightWib() {
    engine.onJob("funds-reconcile", complete(Map.of("fundsReconciled", true, "fundsDay", "2026-12-02")));
    Instant due = nextDailyTimer();
    ZonedDateTime local = due.atZone(WIB);
    assertThat(local.getHour()).as("due %s", local).isEqualTo(0);
    assertThat(local.getMinute()).isEqualTo(15);
    assertThat(due).isAfter(engine.now()).isBefore(engine.now().plus(Duration.ofDays(1)).plusSeconds(1));
    int before = dailyInstances().size();

    engine.advance(Duration.between(engine.now(), due).plusSeconds(1));

    List<Long> started = dailyInstances();
    assertThat(started).hasSize(before + 1);
    engine.assertThat(started.getLast()).hasPassed("StartEvent_Daily", "Task_Reconcile", "Gateway_Reconciled")
        .endedAt("EndEvent_FundsReconciled").hasNoIncidents();
    Instant next = nextDailyTimer();
    assertThat(Duration.between(due, next)).isEqualTo(Duration.ofDays(1)); // and again the next night
  }

  @Test
  void aMismatchGoesToAnAdminWithTheDealsAndEntriesInvolved() {
    String items = "RB-ABC entry 42 PAYOUT PO-RB-ABC-RELEASE-1: ledger 270000, provider —, NOT_AT_PROVIDER";
    engine.onJob("funds-reconcile", complete(Map.of("fundsReconciled", false, "fundsDay", "2026-12-02", "caseItems", items,
        "caseDifference", "Rp 270.000")));

    long check = engine.startInstance("funds-reconciliation", Map.of("fundsDay", "2026-12-02"));

    engine.assertThat(check).hasPassed("StartEvent_CheckRequested", "Task_Reconcile").isWaitingAt("Task_InvestigateMismatch")
        .hasVariable("caseItems", items);
    ProcessHarness.Job task = engine.userTask(check, "Task_InvestigateMismatch");
    assertThat(task.header("io.camunda.zeebe:candidateGroups")).contains("admin");
    assertThat(task.header("io.camunda.zeebe:formKey")).isNotBlank();
    assertThat(task.header("io.camunda.zeebe:dueDate")).isNotBlank();

    engine.completeUserTask(check, "Task_InvestigateMismatch", Map.of("findings", "Provider statement misses PO-RB-ABC-RELEASE-1; ticket opened."));
    engine.assertThat(check).endedAt("EndEvent_MismatchInvestigated").hasVariable("findings",
        "Provider statement misses PO-RB-ABC-RELEASE-1; ticket opened.");
  }

  @Test
  void booksThatAgreeEndWithoutATask() {
    engine.onJob("funds-reconcile", complete(Map.of("fundsReconciled", true)));

    long check = engine.startInstance("funds-reconciliation", Map.of("fundsDay", "2026-12-01"));

    engine.assertThat(check).endedAt("EndEvent_FundsReconciled").hasNotEntered("Task_InvestigateMismatch");
  }

  /** The due date of the newest open timer of the daily start event. */
  private static Instant nextDailyTimer() {
    Long due = null;
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.TIMER && r.getRecordType() == RecordType.EVENT && r.getIntent() == TimerIntent.CREATED
          && r.getValue() instanceof TimerRecordValue t && t.getTargetElementId().equals("StartEvent_Daily")) {
        due = t.getDueDate();
      }
    }
    assertThat(due).as("a timer for StartEvent_Daily").isNotNull();
    return Instant.ofEpochMilli(due);
  }

  private static List<Long> dailyInstances() {
    List<Long> keys = new ArrayList<>();
    for (Record<?> r : engine.records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getElementId().equals("StartEvent_Daily")) {
        keys.add(v.getProcessInstanceKey());
      }
    }
    return keys;
  }
}
