package id.rekber.dispute;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.IntegrationTest;
import id.rekber.support.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/dispute-mediation.bpmn on the embedded engine: each answer, each silence
 * (by moving the clock), each outcome, and the money on the ledger.
 */
@IntegrationTest
class DisputePathsTest {
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();
  @Autowired TimeMachine time;
  @Autowired JdbcTemplate jdbc;
  Disputes disputes;

  @BeforeEach
  void setUp() {
    disputes = new Disputes(port);
  }

  @Test
  void sellerAcceptsTheRefundAndTheBuyerGetsEverythingBack() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    long paid = disputes.deals.get(BUDI, id).get("buyerPays").asLong();
    disputes.respond(SARI, id, Map.of("sellerResponse", "ACCEPT_REFUND", "note", "Maaf, salah kirim ukuran."));

    disputes.deals.awaitStatus(BUDI, id, "DIKEMBALIKAN");
    JsonNode payouts = disputes.awaitPayoutsCompleted(BUDI, id, 1);
    assertThat(payouts.get(0).get("purpose").asText()).isEqualTo("REFUND");
    assertThat(payouts.get(0).get("amount").asLong()).isEqualTo(paid);
    assertThat(disputes.dispute(BUDI, id).get("outcome").asText()).isEqualTo("REFUND");
    assertThat(disputes.dispute(SARI, id).get("timeline")).extracting(e -> e.get("kind").asText())
        .containsSubsequence("CLAIM", "RESPONSE_ACCEPT_REFUND", "RESOLVED_REFUND");
    // A second answer changes nothing.
    disputes.post(SARI, "/api/deals/" + id + "/dispute/response", Map.of("sellerResponse", "CONTEST", "note", "Berubah pikiran saja."), 409);
  }

  @Test
  void buyerAcceptsThePartialOfferAndBothArePaidTheirPart() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    JsonNode deal = disputes.deals.get(BUDI, id);
    long held = deal.get("buyerPays").asLong();
    long fee = deal.get("fee").asLong();
    disputes.respond(SARI, id, Map.of("sellerResponse", "OFFER", "offerAmount", 50_000, "note", "Saya kembalikan sebagian."));
    JsonNode waiting = disputes.awaitStage(BUDI, id, "BUYER_ANSWER");
    assertThat(waiting.get("offerAmount").asLong()).isEqualTo(50_000);
    // Only the buyer answers an offer.
    disputes.post(SARI, "/api/deals/" + id + "/dispute/offer-answer", Map.of("offerAnswer", "ACCEPT"), 403);
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/offer-answer", Map.of("offerAnswer", "ACCEPT"), 202);

    disputes.deals.awaitStatus(BUDI, id, "SELESAI");
    JsonNode payouts = disputes.awaitPayoutsCompleted(BUDI, id, 2);
    assertThat(payouts).extracting(p -> p.get("purpose").asText() + ":" + p.get("amount").asLong())
        .containsExactlyInAnyOrder("REFUND:50000", "RELEASE:" + (held - fee - 50_000));
    assertSplitOnLedger(id, held, fee, 50_000, held - fee - 50_000);
  }

  @Test
  void buyerRejectsTheOfferAndAMediatorRefunds() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "OFFER", "offerAmount", 30_000, "note", "Saya kembalikan sebagian."));
    disputes.awaitStage(BUDI, id, "BUYER_ANSWER");
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/offer-answer", Map.of("offerAnswer", "REJECT", "note", "Terlalu kecil"), 202);

    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    assertThat(disputes.decide(MEDIATOR, task.get("key").asLong(), Map.of("outcome", "REFUND", "reason", Disputes.DECISION_REASON)).status())
        .isEqualTo(204);
    disputes.deals.awaitStatus(BUDI, id, "DIKEMBALIKAN");
    disputes.awaitPayoutsCompleted(BUDI, id, 1);
    assertThat(disputes.ledgerKinds(BUDI, id)).containsExactly("PAYMENT", "PAYMENT", "REFUND", "REFUND", "PAYOUT", "PAYOUT");
  }

  @Test
  void aBuyerWhoDoesNotAnswerTheOfferInTwoDaysGoesToAMediator() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "OFFER", "offerAmount", 30_000, "note", "Saya kembalikan sebagian."));
    disputes.awaitStage(BUDI, id, "BUYER_ANSWER");
    time.advance(Duration.ofDays(2).plusMinutes(1));
    disputes.awaitStage(BUDI, id, "MEDIATION");
    disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    // Too late to answer now.
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/offer-answer", Map.of("offerAnswer", "ACCEPT"), 409);
  }

  @Test
  void aSilentSellerLosesTheAnswerWindowAndAMediatorReleases() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    time.advance(Duration.ofMinutes(10));
    String younger = disputes.disputedDeal(SARI, BUDI, 200_000);
    // The first seller has been silent 2 days and a minute, the second 9 minutes short of 2 days.
    time.advance(Duration.ofDays(2).minusMinutes(9));
    disputes.awaitStage(BUDI, id, "MEDIATION");
    // The pass of the timers that ended the first window left the second open: that seller may
    // still answer, and the answer (an offer) takes the dispute to the buyer, not to a mediator.
    disputes.respond(SARI, younger, Map.of("sellerResponse", "OFFER", "offerAmount", 30_000, "note", "Saya kembalikan sebagian."));
    disputes.awaitStage(BUDI, younger, "BUYER_ANSWER");
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("mediator");
    assertThat(task.get("formId").asText()).isEqualTo("mediator-decision");

    assertThat(disputes.decide(MEDIATOR, task.get("key").asLong(), Map.of("outcome", "RELEASE", "reason", Disputes.DECISION_REASON)).status())
        .isEqualTo(204);
    disputes.deals.awaitStatus(SARI, id, "SELESAI");
    JsonNode payouts = disputes.awaitPayoutsCompleted(SARI, id, 1);
    assertThat(payouts.get(0).get("purpose").asText()).isEqualTo("RELEASE");
    assertThat(disputes.ledgerKinds(SARI, id)).containsExactly("PAYMENT", "PAYMENT", "RELEASE", "RELEASE", "RELEASE", "PAYOUT", "PAYOUT");
  }

  @Test
  void aContestedDisputeIsSplitByTheMediatorAndASecondCompletionMovesNoMoney() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    JsonNode deal = disputes.deals.get(BUDI, id);
    long held = deal.get("buyerPays").asLong();
    long fee = deal.get("fee").asLong();
    long toBuyer = 80_000;
    long toSeller = held - fee - toBuyer;
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    long key = task.get("key").asLong();
    Map<String, Object> decision = Map.of("outcome", "SPLIT", "buyerAmount", toBuyer, "sellerAmount", toSeller, "reason", Disputes.DECISION_REASON);
    assertThat(disputes.decide(MEDIATOR, key, decision).status()).isEqualTo(204);
    assertThat(disputes.decide(ADMIN, key, decision).status()).isIn(403, 409);
    assertThat(disputes.decide(MEDIATOR, key, decision).status()).isEqualTo(409);

    disputes.deals.awaitStatus(BUDI, id, "SELESAI");
    disputes.awaitPayoutsCompleted(BUDI, id, 2);
    assertSplitOnLedger(id, held, fee, toBuyer, toSeller);

    // The bank repeating its callbacks moves nothing either.
    for (JsonNode payout : disputes.as(BUDI).get("/api/deals/" + id + "/payouts").json()) {
      ApiClient.anonymous(port).post("/api/webhooks/sandbox/payouts",
          Callbacks.payout(payout.get("id").asText(), "COMPLETED", payout.get("amount").asLong(), "again-" + payout.get("id").asText()));
    }
    assertSplitOnLedger(id, held, fee, toBuyer, toSeller);

    // Decision on the record: who, when, why; both parties mailed.
    String audit = jdbc.queryForObject(
        "SELECT actor || ' ' || outcome || ' ' || detail FROM audit_event WHERE action = 'dispute.decision' AND object_id = ?", String.class, id);
    assertThat(audit).startsWith(MEDIATOR + " SPLIT").contains(Disputes.DECISION_REASON);
    assertThat(jdbc.queryForList("SELECT recipient FROM notification_outbox WHERE deal_id = ? AND dedupe_key LIKE ?", String.class, id,
        id + ":dispute:decision:%")).containsExactlyInAnyOrder(BUDI, SARI);
  }

  @Test
  void aMediatorIsRemindedThenTheTaskGoesToAdminsAndTheInspectionTimerStaysStopped() throws Exception {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    time.advance(Duration.ofDays(2).plusMinutes(1));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(disputes.dispute(BUDI, id).get("timeline")).extracting(e -> e.get("kind").asText()).contains("SLA_REMINDER"));
    assertThat(disputes.dispute(BUDI, id).get("stage").asText()).isEqualTo("MEDIATION");

    time.advance(Duration.ofDays(1));
    disputes.awaitStage(BUDI, id, "ESCALATED");
    JsonNode adminTask = disputes.awaitTask(ADMIN, id, "Task_AdminDecision");
    assertThat(adminTask.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("admin");
    assertThat(adminTask.get("processId").asText()).isEqualTo("dispute-escalation");
    // The case facts reach the called process, and its case link leads admins to this task.
    JsonNode facts = json.readTree(adminTask.get("variablesJson").asText());
    assertThat(facts.get("caseClaim").asText()).isEqualTo(Disputes.REASON);
    assertThat(facts.get("caseUrl").asText()).endsWith("/staff/cases/dispute/" + id);
    assertThat(WebSession.signIn(port, ADMIN).get("/staff/cases/dispute/" + id).uri().getPath())
        .isEqualTo("/staff/tasks/" + adminTask.get("key").asLong());
    // The inspection period (3 days) is long over, yet nothing was released while the dispute runs.
    assertThat(disputes.deals.get(BUDI, id).get("status").asText()).isEqualTo("SENGKETA");
    assertThat(disputes.ledgerKinds(BUDI, id)).containsExactly("PAYMENT", "PAYMENT");
    // The mediator's task was interrupted: completing it now moves nothing.
    assertThat(disputes.decide(MEDIATOR, task.get("key").asLong(), Map.of("outcome", "RELEASE", "reason", Disputes.DECISION_REASON)).status())
        .isEqualTo(409);

    assertThat(disputes.decide(ADMIN, adminTask.get("key").asLong(), Map.of("outcome", "REFUND", "reason", Disputes.DECISION_REASON)).status())
        .isEqualTo(204);
    disputes.deals.awaitStatus(BUDI, id, "DIKEMBALIKAN");
    disputes.awaitPayoutsCompleted(BUDI, id, 1);
    // The admin's decision leaves the same trail as a mediator's.
    assertThat(jdbc.queryForObject("SELECT actor || ' ' || outcome FROM audit_event WHERE action = 'dispute.decision' AND object_id = ?",
        String.class, id)).isEqualTo(ADMIN + " REFUND");
  }

  @Test
  void refundAfterReturnWhenTheSellerConfirms() {
    String id = returnDecided();
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/return-shipment", Map.of("courier", "JNE", "trackingNumber", "JNE-RET-778899"), 202);
    disputes.awaitStage(SARI, id, "RETURN_IN_TRANSIT");
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/return-received", null, 403);
    disputes.post(SARI, "/api/deals/" + id + "/dispute/return-received", null, 202);
    disputes.deals.awaitStatus(BUDI, id, "DIKEMBALIKAN");
    disputes.awaitPayoutsCompleted(BUDI, id, 1);
  }

  @Test
  void refundAfterReturnIsConfirmedAutomaticallyAfterFiveDays() {
    String id = returnDecided();
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/return-shipment", Map.of("courier", "JNE", "trackingNumber", "JNE-RET-112233"), 202);
    disputes.awaitStage(SARI, id, "RETURN_IN_TRANSIT");
    time.advance(Duration.ofDays(5).plusMinutes(1));
    disputes.deals.awaitStatus(BUDI, id, "DIKEMBALIKAN");
    disputes.awaitPayoutsCompleted(BUDI, id, 1);
  }

  @Test
  void aReturnNotShippedInFiveDaysReleasesToTheSeller() {
    String id = returnDecided();
    time.advance(Duration.ofDays(5).plusMinutes(1));
    disputes.deals.awaitStatus(SARI, id, "SELESAI");
    JsonNode payouts = disputes.awaitPayoutsCompleted(SARI, id, 1);
    assertThat(payouts.get(0).get("purpose").asText()).isEqualTo("RELEASE");
    assertThat(disputes.dispute(SARI, id).get("outcome").asText()).isEqualTo("RELEASE");
  }

  private String returnDecided() {
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    assertThat(disputes.decide(MEDIATOR, task.get("key").asLong(), Map.of("outcome", "RETURN", "reason", Disputes.DECISION_REASON)).status())
        .isEqualTo(204);
    disputes.awaitStage(BUDI, id, "RETURN_SHIPPING");
    return id;
  }

  private void assertSplitOnLedger(String id, long held, long fee, long toBuyer, long toSeller) {
    JsonNode ledger = disputes.ledger(BUDI, id);
    List<String> split = new java.util.ArrayList<>();
    List<String> payouts = new java.util.ArrayList<>();
    for (JsonNode l : ledger) {
      String line = l.get("account").asText() + ":" + l.get("amount").asLong();
      switch (l.get("kind").asText()) {
        case "SPLIT" -> split.add(line);
        case "PAYOUT" -> payouts.add(line);
        case "PAYMENT" -> {}
        default -> throw new AssertionError("unexpected entry " + l);
      }
    }
    assertThat(split).containsExactlyInAnyOrder(
        "ESCROW_HELD:" + held, "BUYER_PAYABLE:" + -toBuyer, "SELLER_PAYABLE:" + -toSeller, "FEE_REVENUE:" + -fee);
    assertThat(payouts).containsExactlyInAnyOrder(
        "BUYER_PAYABLE:" + toBuyer, "PAYOUT_CLEARING:" + -toBuyer, "SELLER_PAYABLE:" + toSeller, "PAYOUT_CLEARING:" + -toSeller);
  }
}
