package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.InvoiceWorker;
import id.rekber.payment.funds.FundsCheck;
import id.rekber.payment.funds.FundsReconciliation;
import id.rekber.platform.Rupiah;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Callbacks;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service deal funded milestone by milestone (decision 46), on the real engine, PostgreSQL and
 * the sandbox provider: the deal's invoice funds milestone 1, each later milestone has its own,
 * an unpaid one ends the deal there, and money that comes after its deadline goes back.
 */
@IntegrationTest
class MilestoneFundingTest {
  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TimeMachine time;
  @Autowired FundsReconciliation funds;
  @Autowired InvoiceWorker invoices;
  @Autowired MilestoneLifecycle milestones;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void eachMilestoneIsPaidBeforeItStartsAndTheLedgerHoldsOnlyWhatWasPaid() {
    String id = perMilestoneDeal();
    long held1 = milestone(id, 1).get("held").asLong();
    long held2 = milestone(id, 2).get("held").asLong();
    JsonNode first = deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
    assertThat(first.get("amount").asLong()).as("the deal's invoice funds milestone 1 only").isEqualTo(held1);
    assertThat(first.get("milestone").isNull()).isTrue();
    assertThat(mail(id + ":MENUNGGU_PEMBAYARAN:BUYER")).contains("Bayar " + Rupiah.format(held1)).contains("milestone 1")
        .contains("total " + Rupiah.format(held1 + held2));
    deals.pay(BUDI, id);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    assertThat(mail(id + ":DANA_DITAHAN:BUYER")).contains("Pembayaran Anda " + Rupiah.format(held1)).contains("milestone 1");
    awaitState(id, 1, "IN_PROGRESS");
    assertThat(state(id, 2)).isEqualTo("PENDING");
    assertThat(escrowHeld(id)).isEqualTo(held1);

    deliverAndAccept(id, 1);
    awaitState(id, 2, "AWAITING_PAYMENT");
    ApiClient.Response early = deals.as(SARI).post("/api/deals/" + id + "/milestones/2/deliver", null);
    assertThat(early.status()).as("an unpaid milestone is not delivered").isEqualTo(409);
    assertThat(early.json().get("detail").asText()).isEqualTo("Milestone 2 sekarang: Menunggu pembayaran pembeli. Langkah ini tidak bisa dilakukan sekarang.");
    JsonNode second = awaitOpenInvoice(id, 2);
    assertThat(second.get("amount").asLong()).isEqualTo(held2);
    assertThat(mail(id + "#2:MILESTONE_AWAITING_PAYMENT:BUYER")).contains("Milestone 2 (\"Logo final\")").contains(Rupiah.format(held2));
    assertThat(mail(id + "#2:MILESTONE_AWAITING_PAYMENT:SELLER")).contains("milestone 2");
    assertThat(deals.as(SARI).get("/api/deals/" + id + "/payment").status()).as("the seller sees no invoice").isEqualTo(403);

    pay(second.get("orderId").asText());
    awaitState(id, 2, "IN_PROGRESS");
    assertThat(mail(id + "#2:MILESTONE_PAYMENT_CONFIRMED:SELLER")).contains("Kerjakan milestone ini").contains(Rupiah.format(held2));
    deliverAndAccept(id, 2);
    deals.awaitStatus(BUDI, id, "SELESAI");
    await().atMost(Duration.ofSeconds(20)).until(() -> escrowHeld(id) == 0);
    assertThat(deals.as(BUDI).get("/api/deals/" + id + "/payments").json())
        .extracting(p -> p.get("orderId").asText() + ":" + p.get("status").asText() + ":" + p.get("amount").asLong())
        .containsExactly("PAY-" + id + ":PAID:" + held1, "PAY-" + id + "-M2:PAID:" + held2);
    assertThat(jdbc.queryForList("SELECT amount FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
        + " WHERE l.deal_id = ? AND e.kind IN ('PAYMENT', 'MILESTONE_PAYMENT') AND l.account = 'ESCROW_HELD'", Long.class, id))
        .containsExactlyInAnyOrder(-held1, -held2);
    // The daily proof of funds finds both invoices on the provider's statement, each under its own order id.
    FundsCheck today = funds.check(LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))));
    assertThat(today.items()).filteredOn(d -> id.equals(d.dealId()) || String.valueOf(d.reference()).contains(id)).isEmpty();
  }

  @Test
  void anUnpaidMilestoneEndsTheDealThereAndItsLateMoneyIsRefunded() {
    String id = perMilestoneDeal();
    long held2 = milestone(id, 2).get("held").asLong();
    deals.pay(BUDI, id);
    deals.awaitStatus(BUDI, id, "DANA_DITAHAN");
    deliverAndAccept(id, 1);
    String order = awaitOpenInvoice(id, 2).get("orderId").asText();

    time.advance(Duration.ofDays(1).plusMinutes(1)); // the buyer lets milestone 2's invoice lapse
    awaitState(id, 2, "UNFUNDED");
    deals.awaitStatus(BUDI, id, "SELESAI");
    assertThat(escrowHeld(id)).isZero();
    assertThat(mail(id + "#2:MILESTONE_UNFUNDED:SELLER")).contains("jangan kerjakan milestone ini");

    // The money comes anyway, after the deadline: it is held, then refunded through milestone 2, once.
    Callbacks.settledAtProvider(jdbc, order);
    Map<String, Object> callback = Callbacks.payment(order, "settlement", held2, "txn-late-" + id);
    assertThat(ApiClient.anonymous(port).post("/api/webhooks/sandbox/payments", callback).status()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).post("/api/webhooks/sandbox/payments", callback).status()).isEqualTo(200);
    awaitState(id, 2, "REFUNDED");
    await().atMost(Duration.ofSeconds(20)).until(() -> escrowHeld(id) == 0 && refundedPayouts(id, 2) == 1);
    assertThat(jdbc.queryForObject("SELECT amount FROM payout WHERE deal_id = ? AND purpose = 'REFUND' AND milestone_seq = 2",
        Long.class, id)).isEqualTo(held2);
    assertThat(jdbc.queryForList("SELECT type FROM deal_event WHERE deal_id = ? AND detail = '#2'", String.class, id))
        .containsSubsequence("MILESTONE_AWAITING_PAYMENT", "MILESTONE_UNFUNDED", "LATE_MILESTONE_PAYMENT", "MILESTONE_REFUNDED");
  }

  @Test
  void moneyArrivingJustBeforeTheDeadlinesJobIsRefundedByThatJob() {
    String id = perMilestoneDeal();
    long held2 = milestone(id, 2).get("held").asLong();
    // Milestone 2's invoice is open (as its process would open it), and the buyer pays it...
    invoices.createMilestoneInvoice(id, 2);
    assertThat(state(id, 2)).isEqualTo("AWAITING_PAYMENT");
    String order = "PAY-" + id + "-M2";
    Callbacks.settledAtProvider(jdbc, order);
    assertThat(ApiClient.anonymous(port).post("/api/webhooks/sandbox/payments",
        Callbacks.payment(order, "settlement", held2, "txn-race-" + id)).status()).isEqualTo(200);
    // ...while the engine had already taken the deadline's path: its "unfunded" job runs after the money came.
    milestones.enter(id, 2, Milestone.State.UNFUNDED);
    awaitState(id, 2, "REFUNDED");
    await().atMost(Duration.ofSeconds(20)).until(() -> escrowHeld(id) == 0 && refundedPayouts(id, 2) == 1);
    milestones.enter(id, 2, Milestone.State.UNFUNDED); // redelivered: the refunded milestone stays refunded
    assertThat(state(id, 2)).isEqualTo("REFUNDED");
    assertThat(jdbc.queryForList("SELECT type FROM deal_event WHERE deal_id = ? AND detail = '#2'", String.class, id))
        .containsSubsequence("MILESTONE_PAYMENT_CONFIRMED", "MILESTONE_UNFUNDED", "LATE_MILESTONE_PAYMENT", "MILESTONE_REFUNDED")
        .containsOnlyOnce("LATE_MILESTONE_PAYMENT");
  }

  @Test
  void fundingMilestoneByMilestoneNeedsAtLeastTwoMilestones() {
    LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusDays(10);
    Map<String, Object> body = Deals.terms("SELLER", 300_000, BUDI);
    body.put("shippingCost", 0);
    body.put("milestoneFunding", "PER_MILESTONE");
    body.put("milestones", List.of(Map.of("description", "Semua sekaligus", "amount", 300_000, "dueDate", due.toString())));
    ApiClient.Response refused = deals.as(SARI).post("/api/deals", body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("code").asText()).isEqualTo("deal.milestones.per-milestone-needs-two");
    body.remove("milestones");
    assertThat(deals.as(SARI).post("/api/deals", body).json().get("code").asText()).isEqualTo("deal.milestones.per-milestone-needs-two");
    body.put("milestoneFunding", "SOMETIMES");
    assertThat(deals.as(SARI).post("/api/deals", body).status()).isEqualTo(400);
  }

  /** Sari sells Budi two milestones (Rp 100.000 and Rp 200.000), each paid on its own; accepted, not yet paid. */
  private String perMilestoneDeal() {
    LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusDays(10);
    Map<String, Object> body = Deals.terms("SELLER", 300_000, BUDI);
    body.put("itemName", "Jasa desain logo");
    body.put("shippingCost", 0);
    body.put("milestoneFunding", "PER_MILESTONE");
    body.put("milestones", List.of(
        Map.of("description", "Konsep logo", "amount", 100_000, "dueDate", due.toString()),
        Map.of("description", "Logo final", "amount", 200_000, "dueDate", due.toString())));
    ApiClient.Response created = deals.as(SARI).post("/api/deals", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("milestoneFunding").asText()).isEqualTo("PER_MILESTONE");
    String id = created.json().get("id").asText();
    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    return id;
  }

  private void deliverAndAccept(String id, int seq) {
    awaitState(id, seq, "IN_PROGRESS");
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/milestones/" + seq + "/deliver", null).status()).isEqualTo(202);
    awaitState(id, seq, "DELIVERED");
    assertThat(deals.as(BUDI).post("/api/deals/" + id + "/milestones/" + seq + "/accept", null).status()).isEqualTo(202);
  }

  private JsonNode awaitOpenInvoice(String id, int seq) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
      JsonNode p = deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
      return p.path("milestone").asInt() == seq && "PENDING".equals(p.path("status").asText());
    });
    return deals.as(BUDI).get("/api/deals/" + id + "/payment").json();
  }

  /** The mail the outbox holds under {@code dedupeKey} (sent or not), in its recipient's language. */
  private String mail(String dedupeKey) {
    await().atMost(Duration.ofSeconds(20)).until(() ->
        jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE dedupe_key = ?", Integer.class, dedupeKey) == 1);
    return jdbc.queryForObject("SELECT body FROM notification_outbox WHERE dedupe_key = ?", String.class, dedupeKey);
  }

  private void pay(String orderId) {
    ApiClient.Response paid = ApiClient.anonymous(port).post("/sandbox/api/orders/" + orderId + "/pay", null);
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
  }

  private JsonNode milestone(String id, int seq) {
    return deals.as(BUDI).get("/api/deals/" + id + "/milestones").json().get(seq - 1);
  }

  private String state(String id, int seq) {
    return milestone(id, seq).get("state").asText();
  }

  private void awaitState(String id, int seq, String state) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> state.equals(state(id, seq)));
  }

  private long escrowHeld(String id) {
    // ESCROW_HELD is a liability: what comes in is a credit, stored negative.
    return jdbc.queryForObject("SELECT -COALESCE(SUM(amount), 0) FROM journal_line WHERE deal_id = ? AND account = 'ESCROW_HELD'",
        Long.class, id);
  }

  private int refundedPayouts(String id, int seq) {
    return jdbc.queryForObject("SELECT count(*) FROM payout WHERE deal_id = ? AND purpose = 'REFUND' AND milestone_seq = ? AND status = 'COMPLETED'",
        Integer.class, id, seq);
  }
}
