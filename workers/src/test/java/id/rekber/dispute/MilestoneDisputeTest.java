package id.rekber.dispute;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dispute on one milestone of a service deal (decision 44), on the real engine and PostgreSQL:
 * who may open it and when, the seller's offer split on that milestone's share only, a later
 * milestone disputed again, and every rupiah on the ledger and in the payouts.
 */
@IntegrationTest
class MilestoneDisputeTest {
  static final String CLAIM = "Desain kedua tidak memakai warna yang disepakati di brief.";
  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  Disputes disputes;

  @BeforeEach
  void setUp() {
    disputes = new Disputes(port);
  }

  @Test
  void eachMilestoneIsDisputedOnItsOwnAndOnlyItsShareMoves() {
    String id = fundedServiceDeal();
    JsonNode milestones = disputes.as(BUDI).get("/api/deals/" + id + "/milestones").json();
    long held1 = milestones.get(0).get("held").asLong();
    long splittable1 = milestones.get(0).get("sellerReceives").asLong();
    long held2 = milestones.get(1).get("held").asLong();
    long fee1 = held1 - splittable1;

    deliver(id, 1);
    // Who may dispute, and what: refused requests change nothing.
    refused(SARI, id, Map.of("reason", CLAIM, "milestone", 1), 403, "deal.only-buyer");
    refused(BUDI, id, Map.of("reason", CLAIM, "milestone", 2), 409, "milestone.wrong-state");
    refused(BUDI, id, Map.of("reason", CLAIM), 409, "dispute.choose-milestone");
    refused(BUDI, id, Map.of("reason", "jelek", "milestone", 1), 400, "request.invalid");
    refused(BUDI, id, Map.of("reason", CLAIM, "milestone", "satu"), 400, "request.invalid");
    assertThat(disputes.as(BUDI).get("/api/deals/" + id + "/dispute").status()).isEqualTo(404);

    open(id, 1);
    // The milestone is disputed at once: accepting it now is refused, and so is a second dispute.
    ApiClient.Response accept = disputes.as(BUDI).post("/api/deals/" + id + "/milestones/1/accept", null);
    assertThat(accept.status()).as(accept.toString()).isEqualTo(409);
    refused(BUDI, id, Map.of("reason", CLAIM, "milestone", 1), 409, "dispute.already-open");
    JsonNode dispute = disputes.awaitStage(SARI, id, "SELLER_RESPONSE");
    assertThat(dispute.get("milestone").asInt()).isEqualTo(1);
    assertThat(state(id, 1)).isEqualTo("DISPUTED");

    // The seller may offer back part of this milestone's share only, not of the whole deal.
    disputes.post(SARI, "/api/deals/" + id + "/dispute/response",
        Map.of("sellerResponse", "OFFER", "offerAmount", splittable1, "note", "Saya kembalikan semuanya saja."), 400);
    disputes.respond(SARI, id, Map.of("sellerResponse", "OFFER", "offerAmount", 40_000, "note", "Revisi warna saya ganti sebagian."));
    disputes.awaitStage(BUDI, id, "BUYER_ANSWER");
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/offer-answer", Map.of("offerAnswer", "ACCEPT"), 202);
    awaitState(id, 1, "SPLIT");
    assertThat(lines(id, "MILESTONE_SPLIT")).containsExactlyInAnyOrder(
        "ESCROW_HELD:" + held1, "BUYER_PAYABLE:" + -40_000, "SELLER_PAYABLE:" + -(splittable1 - 40_000), "FEE_REVENUE:" + -fee1);
    awaitState(id, 2, "IN_PROGRESS"); // after both parts of milestone 1 were paid out (decision 45)

    // Milestone 2 is disputed too: the deal's dispute starts over for it, and the seller refunds it.
    deliver(id, 2);
    open(id, 2);
    JsonNode second = disputes.awaitStage(SARI, id, "SELLER_RESPONSE");
    assertThat(second.get("milestone").asInt()).isEqualTo(2);
    assertThat(second.get("outcome").isNull()).isTrue();
    // Each milestone's dispute has its own mails (the deal's first dispute does not swallow the second's).
    assertThat(jdbc.queryForList("SELECT dedupe_key FROM notification_outbox WHERE deal_id = ? AND dedupe_key LIKE ?", String.class,
        id, id + "#_:dispute:SELLER_RESPONSE:%")).containsExactlyInAnyOrder(
        id + "#1:dispute:SELLER_RESPONSE:BUYER", id + "#1:dispute:SELLER_RESPONSE:SELLER",
        id + "#2:dispute:SELLER_RESPONSE:BUYER", id + "#2:dispute:SELLER_RESPONSE:SELLER");
    assertThat(jdbc.queryForObject("SELECT body FROM notification_outbox WHERE dedupe_key = ?", String.class,
        id + "#2:dispute:SELLER_RESPONSE:SELLER")).contains("Jasa desain logo, milestone 2");
    disputes.respond(SARI, id, Map.of("sellerResponse", "ACCEPT_REFUND", "note", "Baik, saya kembalikan."));
    awaitState(id, 2, "REFUNDED");
    assertThat(lines(id, "MILESTONE_REFUND")).containsExactlyInAnyOrder("ESCROW_HELD:" + held2, "BUYER_PAYABLE:" + -held2);

    // Each milestone paid out as it was settled (decision 45): both parts of the split, then the refund; nothing stays held.
    disputes.deals.awaitStatus(BUDI, id, "SELESAI");
    JsonNode payouts = disputes.awaitPayoutsCompleted(BUDI, id, 3);
    assertThat(payouts).extracting(p -> p.get("purpose").asText() + ":" + p.get("amount").asLong() + ":" + p.get("milestone").asInt())
        .containsExactlyInAnyOrder("RELEASE:" + (splittable1 - 40_000) + ":1", "REFUND:40000:1", "REFUND:" + held2 + ":2");
    assertThat(jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount), 0) FROM journal_line WHERE deal_id = ? AND account = 'ESCROW_HELD'", Long.class, id)).isZero();
    assertThat(disputes.dispute(BUDI, id).get("timeline")).extracting(e -> e.get("kind").asText())
        .containsSubsequence("CLAIM", "RESPONSE_OFFER", "OFFER_ACCEPT", "RESOLVED_SPLIT", "CLAIM", "RESPONSE_ACCEPT_REFUND", "RESOLVED_REFUND");
  }

  @Test
  void aMilestoneCannotBeDisputedOnceItsInspectionEndedOrTheBuyerAcceptedIt() {
    String id = fundedServiceDeal();
    deliver(id, 1);
    ApiClient.Response accept = disputes.as(BUDI).post("/api/deals/" + id + "/milestones/1/accept", null);
    assertThat(accept.status()).as(accept.toString()).isEqualTo(202);
    refused(BUDI, id, Map.of("reason", CLAIM, "milestone", 1), 409, "milestone.wrong-state");
    awaitState(id, 1, "RELEASED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispute WHERE deal_id = ?", Integer.class, id)).isZero();
  }

  private String fundedServiceDeal() {
    LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusDays(10);
    String id = disputes.deals.fundedServiceDeal(SARI, BUDI, "Jasa desain logo", "Tiga konsep logo", "Logo final dan panduan warna", due);
    awaitState(id, 1, "IN_PROGRESS");
    return id;
  }

  private void deliver(String id, int seq) {
    awaitState(id, seq, "IN_PROGRESS");
    ApiClient.Response r = disputes.as(SARI).post("/api/deals/" + id + "/milestones/" + seq + "/deliver", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    awaitState(id, seq, "DELIVERED");
    await().atMost(Duration.ofSeconds(20)).until(() -> milestone(id, seq).hasNonNull("inspectionEndsAt"));
  }

  private void open(String id, int seq) {
    ApiClient.Response r = disputes.as(BUDI).post("/api/deals/" + id + "/dispute", Map.of("reason", CLAIM, "milestone", seq));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
  }

  private void refused(String user, String id, Map<String, Object> body, int status, String code) {
    ApiClient.Response r = disputes.as(user).post("/api/deals/" + id + "/dispute", new HashMap<>(body));
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json().get("code").asText()).isEqualTo(code);
  }

  private JsonNode milestone(String id, int seq) {
    return disputes.as(BUDI).get("/api/deals/" + id + "/milestones").json().get(seq - 1);
  }

  private String state(String id, int seq) {
    return milestone(id, seq).get("state").asText();
  }

  private void awaitState(String id, int seq, String state) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> state.equals(state(id, seq)));
  }

  private List<String> lines(String id, String kind) {
    List<String> lines = new ArrayList<>();
    for (JsonNode l : disputes.ledger(BUDI, id)) {
      if (kind.equals(l.get("kind").asText())) {
        lines.add(l.get("account").asText() + ":" + l.get("amount").asLong());
      }
    }
    return lines;
  }
}
