package id.rekber.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.ProcessHarness;
import id.rekber.support.ProcessHarness.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/membership.bpmn on its own engine, its clock moved: the first invoice (paid or expired),
 * the renewal reminder before the period ends, a renewal paid on time or in grace, expiry after
 * grace, and a cancellation that ends the membership with its period.
 */
class MembershipProcessTest {
  static final MembershipProperties PROPERTIES = new MembershipProperties(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
  static final Duration MONTH = Duration.ofDays(30);

  static ProcessHarness engine;
  /** Per instance: what the renewal task answers ("INVOICED" or "CANCELLED"), and whether grace finds a cancellation. */
  static final Map<Long, String> renewalAnswer = new ConcurrentHashMap<>();
  static final Map<Long, Boolean> cancelledInGrace = new ConcurrentHashMap<>();
  static final Map<Long, List<String>> calls = new ConcurrentHashMap<>();

  @BeforeAll
  static void startEngine() {
    engine = ProcessHarness.start();
    engine.onJob("membership-invoice", job -> {
      log(job, "invoice");
      return Outcome.complete(Map.of("paymentDeadline", MembershipProcess.timerDate(job.now().plus(PROPERTIES.invoiceValidity()))));
    });
    engine.onJob("membership-renewal", job -> {
      log(job, "renewal");
      String answer = renewalAnswer.getOrDefault(job.processInstanceKey(), "INVOICED");
      return "CANCELLED".equals(answer)
          ? Outcome.complete(Map.of("renewal", "CANCELLED"))
          : Outcome.complete(Map.of("renewal", "INVOICED", "orderId", renewalOrder(job.processInstanceKey())));
    });
    engine.onJob("membership-grace", job -> {
      log(job, "grace");
      return Outcome.complete(Map.of("cancelled", cancelledInGrace.getOrDefault(job.processInstanceKey(), false)));
    });
    engine.onJob("membership-end", job -> {
      log(job, "end:" + job.header("reason"));
      return Outcome.complete();
    });
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void theBenefitsTableGivesEachPlanItsPriceAndBenefits() {
    BenefitsDecision decision = new BenefitsDecision(engine.client(), new ObjectMapper());
    PlanTerms monthly = decision.of(Plan.MONTHLY);
    assertThat(monthly.price()).isEqualTo(49_000);
    assertThat(monthly.periodMonths()).isEqualTo(1);
    assertThat(monthly.benefits().feeRate()).isEqualByComparingTo("0.015");
    assertThat(monthly.benefits().feeCap()).isEqualTo(250_000);
    assertThat(monthly.benefits().mediationSla()).isEqualTo(Duration.ofHours(48));
    assertThat(monthly.benefits().inboxPriority()).isTrue();
    PlanTerms yearly = decision.of(Plan.YEARLY);
    assertThat(yearly.price()).isEqualTo(490_000);
    assertThat(yearly.periodMonths()).isEqualTo(12);
    assertThat(yearly.benefits().feeMinimum()).isEqualTo(2_500);
    assertThat(yearly.benefits().mediationSla()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void aRenewalPaidAfterTheReminderStartsTheNextPeriod() {
    long instance = paidMember("MEM-renew");
    Instant periodEnd = engine.now().plus(MONTH);
    engine.assertThat(instance).isWaitingAt("Event_ReminderDue");

    pass(MONTH.minus(PROPERTIES.reminderBefore()).plusMinutes(1));
    assertThat(calls.get(instance)).containsExactly("invoice", "renewal");
    engine.assertThat(instance).isWaitingAt("Gateway_AwaitRenewal");

    engine.publish(MembershipProcess.PAID, renewalOrder(instance), MembershipProcess.timers(periodEnd.plus(MONTH), PROPERTIES));
    engine.assertThat(instance).isWaitingAt("Event_ReminderDue").hasNotEntered("Task_StartGrace");
    // The period ends unpaid no more: moving past the old end starts no grace.
    pass(PROPERTIES.reminderBefore());
    engine.assertThat(instance).isWaitingAt("Event_ReminderDue").hasNotEntered("Task_StartGrace");
  }

  @Test
  void anUnpaidRenewalGetsAGracePeriodAndThenExpires() {
    long instance = paidMember("MEM-expire");
    pass(MONTH.plusMinutes(1));
    assertThat(calls.get(instance)).containsExactly("invoice", "renewal", "grace");
    engine.assertThat(instance).isWaitingAt("Gateway_AwaitGrace");

    pass(PROPERTIES.grace());
    engine.assertThat(instance).endedAt("EndEvent_Expired");
    assertThat(calls.get(instance)).containsExactly("invoice", "renewal", "grace", "end:EXPIRED");
  }

  @Test
  void aRenewalPaidInGraceKeepsTheMembership() {
    long instance = paidMember("MEM-grace");
    Instant periodEnd = engine.now().plus(MONTH);
    pass(MONTH.plusMinutes(1));
    engine.assertThat(instance).isWaitingAt("Gateway_AwaitGrace");

    engine.publish(MembershipProcess.PAID, renewalOrder(instance), MembershipProcess.timers(periodEnd.plus(MONTH), PROPERTIES));
    engine.assertThat(instance).isWaitingAt("Event_ReminderDue").hasPassed("Event_GracePaid").hasNotEntered("Task_EndExpired");
  }

  @Test
  void aCancelledMembershipEndsWithItsPeriodWithoutAnInvoice() {
    long instance = paidMember("MEM-cancel");
    renewalAnswer.put(instance, "CANCELLED");
    pass(MONTH.minus(PROPERTIES.reminderBefore()).plusMinutes(1));
    engine.assertThat(instance).isWaitingAt("Event_PeriodEndsCancelled");

    pass(PROPERTIES.reminderBefore());
    engine.assertThat(instance).endedAt("EndEvent_Cancelled").hasNotEntered("Task_StartGrace");
    assertThat(calls.get(instance)).containsExactly("invoice", "renewal", "end:CANCELLED");
  }

  @Test
  void aCancellationAfterTheRenewalInvoiceEndsAtThePeriodWithoutGrace() {
    long instance = paidMember("MEM-late-cancel");
    cancelledInGrace.put(instance, true);
    pass(MONTH.plusMinutes(1));
    engine.assertThat(instance).endedAt("EndEvent_Cancelled").hasNotEntered("Gateway_AwaitGrace");
  }

  @Test
  void aFirstInvoiceNobodyPaysEndsTheOrder() {
    long instance = engine.startInstance(MembershipProcess.PROCESS_ID, Map.of("userId", "u-unpaid", "orderId", "MEM-unpaid"));
    pass(PROPERTIES.invoiceValidity().plusMinutes(1));
    engine.assertThat(instance).endedAt("EndEvent_NeverStarted");
    assertThat(calls.get(instance)).containsExactly("invoice", "end:UNPAID");
  }

  /** Where MembershipRecovery starts a membership again after a single-node restart, and what follows. */
  @Test
  void recoveryStartPointsWaitWhereTheMembershipWaited() {
    Map<String, Object> inGrace = new java.util.HashMap<>(MembershipProcess.timers(engine.now().minusSeconds(60), PROPERTIES));
    inGrace.putAll(Map.of("userId", "u-recovered-grace", "orderId", "MEM-recovered-grace"));
    long grace = engine.startBefore(MembershipProcess.PROCESS_ID, "Task_StartGrace", inGrace);
    engine.assertThat(grace).isWaitingAt("Gateway_AwaitGrace");
    engine.publish(MembershipProcess.PAID, "MEM-recovered-grace", MembershipProcess.timers(engine.now().plus(MONTH), PROPERTIES));
    engine.assertThat(grace).isWaitingAt("Event_ReminderDue");

    Map<String, Object> active = new java.util.HashMap<>(MembershipProcess.timers(engine.now().plus(MONTH), PROPERTIES));
    active.putAll(Map.of("userId", "u-recovered", "orderId", "MEM-recovered"));
    long running = engine.startBefore(MembershipProcess.PROCESS_ID, "Event_ReminderDue", active);
    engine.assertThat(running).isWaitingAt("Event_ReminderDue");
  }

  /** An instance whose first invoice was paid now: its period runs a month from now. */
  private static long paidMember(String orderId) {
    long instance = engine.startInstance(MembershipProcess.PROCESS_ID, Map.of("userId", "u-" + orderId, "orderId", orderId));
    engine.publish(MembershipProcess.PAID, orderId, MembershipProcess.timers(engine.now().plus(MONTH), PROPERTIES));
    return instance;
  }

  /**
   * Moves the clock, then lets timers fire that the first round created already due (the period's
   * end after the reminder's task, when both lie in the moved span).
   */
  private static void pass(Duration duration) {
    engine.advance(duration);
    engine.advance(Duration.ZERO);
  }

  private static String renewalOrder(long instance) {
    return "MEM-R-" + instance;
  }

  private static void log(ProcessHarness.Job job, String what) {
    calls.computeIfAbsent(job.processInstanceKey(), k -> new ArrayList<>()).add(what);
  }
}
