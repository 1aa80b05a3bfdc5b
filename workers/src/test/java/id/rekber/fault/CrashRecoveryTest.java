package id.rekber.fault;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.kyc.KycFixtures;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.LedgerAudit;
import id.rekber.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 with deals waiting at every wait state of the escrow, dispute and KYC processes and between
 * the money steps, then a restart with the run command's start-up code: every deal ends where it
 * should and each rupiah moves once. Rekber runs in a child JVM ({@link RekberProcess}).
 */
@Tag("full-stack")
@Tag("own-jvm")
class CrashRecoveryTest {
  private static final String REASON = "Sepatu yang datang ukuran 40, bukan 42 seperti di iklan.";

  @AfterEach
  void tokensFromThisJvmAgain() {
    Tokens.useKeycloak(null);
  }

  @Test
  void afterKillMinus9EveryDealAndSubmissionEndsWhereItShouldWithEachRupiahMovedOnce() throws Exception {
    Path data = Files.createTempDirectory("rekber-crash");
    RekberProcess.Ports ports = RekberProcess.Ports.free();
    Map<String, String> deals = new LinkedHashMap<>();
    String kycAccount = KycFixtures.newAccountNumber();

    try (RekberProcess first = RekberProcess.start(data, ports, "first")) {
      Tokens.useKeycloak(first.keycloakUrl());
      Deals api = new Deals(ports.http());
      deals.put("awaiting acceptance", api.create(SARI, BUDI, 101_000));
      String awaitingPayment = api.create(SARI, BUDI, 102_000);
      api.act(BUDI, awaitingPayment, "accept");
      api.awaitStatus(BUDI, awaitingPayment, "MENUNGGU_PEMBAYARAN");
      deals.put("awaiting payment", awaitingPayment);
      deals.put("funds held", api.fundedDeal(SARI, BUDI, 103_000));
      deals.put("awaiting delivery", shipped(api, 104_000));
      deals.put("in inspection", inspecting(api, 105_000));
      String sellerToAnswer = inspecting(api, 106_000);
      openDispute(api, sellerToAnswer);
      deals.put("dispute: seller to answer", sellerToAnswer);
      String mediatorToDecide = inspecting(api, 107_000);
      openDispute(api, mediatorToDecide);
      awaitDisputeStage(api, mediatorToDecide, "SELLER_RESPONSE");
      assertThat(api.as(SARI).post("/api/deals/" + mediatorToDecide + "/dispute/response",
          Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai foto di iklan.")).status()).isEqualTo(202);
      awaitTask(ports.http(), MEDIATOR, mediatorToDecide, "Task_MediatorDecision");
      deals.put("dispute: mediator to decide", mediatorToDecide);

      KycFixtures.openBankAccount(ports.http(), "BCA", kycAccount, "RINA WATI");
      Map<String, String> form = KycFixtures.cleanForm("Rina Wati Susanti", kycAccount);
      form.put("gender", "F");
      form.put("nik", KycFixtures.nik("170890", true));
      assertThat(KycFixtures.submit(ports.http(), RINA, form, KycFixtures.JPEG, KycFixtures.PNG).status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(KycFixtures.me(ports.http(), RINA).at("/submission/status").asText()));

      // Money steps: the provider's notifications stop reaching us from here on (lost with the JVM).
      String payoutRequested = inspecting(api, 108_000);
      String inFlight = inspecting(api, 110_000);
      sandboxFaults(ports.http(), true);
      api.act(BUDI, payoutRequested, "accept-goods");
      JdbcTemplate db = first.jdbc();
      await().atMost(Duration.ofSeconds(60)).until(() ->
          db.queryForObject("SELECT count(*) FROM sandbox_payout WHERE payout_id LIKE ?", Integer.class, "PO-" + payoutRequested + "-%") == 1);
      deals.put("release: payout requested, not confirmed", payoutRequested);
      String paidAtProvider = api.create(SARI, BUDI, 109_000);
      api.act(BUDI, paidAtProvider, "accept");
      api.awaitStatus(BUDI, paidAtProvider, "MENUNGGU_PEMBAYARAN");
      api.pay(BUDI, paidAtProvider);
      deals.put("paid at the provider, callback lost", paidAtProvider);
      // And one caught in the middle: the buyer accepts and the JVM dies at once.
      api.act(BUDI, inFlight, "accept-goods");
      deals.put("accepted just before the crash", inFlight);

      first.kill9();
    }

    try (RekberProcess second = RekberProcess.start(data, ports, "second")) {
      assertThat(second.logText()).contains("Rebuilt orchestration");
      Deals api = new Deals(ports.http());
      JdbcTemplate db = second.jdbc();

      completeFromStart(api, deals.get("awaiting acceptance"));
      api.pay(BUDI, deals.get("awaiting payment"));
      completeFromFunded(api, deals.get("awaiting payment"));
      completeFromFunded(api, deals.get("funds held"));
      api.act(BUDI, deals.get("awaiting delivery"), "confirm-receipt");
      awaitInspection(api, deals.get("awaiting delivery"));
      accept(api, deals.get("awaiting delivery"));
      accept(api, deals.get("in inspection"));

      String sellerToAnswer = deals.get("dispute: seller to answer");
      awaitDisputeStage(api, sellerToAnswer, "SELLER_RESPONSE");
      assertThat(api.as(SARI).post("/api/deals/" + sellerToAnswer + "/dispute/response",
          Map.of("sellerResponse", "ACCEPT_REFUND", "note", "Maaf, salah kirim ukuran.")).status()).isEqualTo(202);
      api.awaitStatus(BUDI, sellerToAnswer, "DIKEMBALIKAN");

      String mediatorToDecide = deals.get("dispute: mediator to decide");
      JsonNode task = awaitTask(ports.http(), MEDIATOR, mediatorToDecide, "Task_MediatorDecision");
      assertThat(ApiClient.as(ports.http(), MEDIATOR).post("/api/inbox/tasks/" + task.get("key").asLong() + "/complete",
          Map.of("outcome", "RELEASE", "reason", "Foto menunjukkan ukuran sesuai iklan.")).status()).isEqualTo(204);
      api.awaitStatus(SARI, mediatorToDecide, "SELESAI");

      api.awaitStatus(SARI, deals.get("release: payout requested, not confirmed"), "SELESAI");
      String paidAtProvider = deals.get("paid at the provider, callback lost");
      api.awaitStatus(BUDI, paidAtProvider, "DANA_DITAHAN"); // found by the start-up reconciliation
      completeFromFunded(api, paidAtProvider);
      api.awaitStatus(SARI, deals.get("accepted just before the crash"), "SELESAI");

      JsonNode review = awaitKycReview(ports.http());
      assertThat(ApiClient.as(ports.http(), COMPLIANCE).post("/api/inbox/tasks/" + review.get("key").asLong() + "/complete",
          Map.of("reviewDecision", "APPROVE", "reviewNote", "Nama rekening sesuai KTP setelah dicek")).status()).isEqualTo(204);
      await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(KycFixtures.me(ports.http(), RINA).at("/submission/status").asText()));

      for (Map.Entry<String, String> deal : deals.entrySet()) {
        String id = deal.getValue();
        String refunded = deal.getKey().equals("dispute: seller to answer") ? "REFUND" : "RELEASE";
        assertThat(LedgerAudit.entries(db, id, "PAYMENT")).as(deal.getKey()).isEqualTo(1);
        assertThat(LedgerAudit.entries(db, id, refunded)).as(deal.getKey()).isEqualTo(1);
        assertThat(LedgerAudit.entries(db, id, "PAYOUT")).as(deal.getKey()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(db.queryForList("SELECT status FROM payout WHERE deal_id = ?", String.class, id)).as(deal.getKey()).containsExactly("COMPLETED"));
      }
      LedgerAudit.assertSound(db);
    }
  }

  private static String shipped(Deals api, long price) {
    String id = api.fundedDeal(SARI, BUDI, price);
    api.ship(SARI, id);
    api.awaitStatus(BUDI, id, "DIKIRIM");
    return id;
  }

  private static String inspecting(Deals api, long price) {
    String id = shipped(api, price);
    api.act(BUDI, id, "confirm-receipt");
    awaitInspection(api, id);
    return id;
  }

  private static void awaitInspection(Deals api, String id) {
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
  }

  private static void accept(Deals api, String id) {
    api.act(BUDI, id, "accept-goods");
    api.awaitStatus(SARI, id, "SELESAI");
  }

  private static void completeFromStart(Deals api, String id) {
    api.act(BUDI, id, "accept");
    api.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    api.pay(BUDI, id);
    completeFromFunded(api, id);
  }

  private static void completeFromFunded(Deals api, String id) {
    api.awaitStatus(BUDI, id, "DANA_DITAHAN");
    api.ship(SARI, id);
    api.awaitStatus(BUDI, id, "DIKIRIM");
    accept(api, id);
  }

  private static void openDispute(Deals api, String id) {
    assertThat(api.as(BUDI).post("/api/deals/" + id + "/dispute", Map.of("reason", REASON)).status()).isEqualTo(202);
    api.awaitStatus(BUDI, id, "SENGKETA");
  }

  private static void awaitDisputeStage(Deals api, String id, String stage) {
    await().atMost(Duration.ofSeconds(60)).until(() -> stage.equals(api.as(BUDI).get("/api/deals/" + id + "/dispute").json().path("stage").asText()));
  }

  private static JsonNode awaitTask(int port, String staff, String dealId, String elementId) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode t : ApiClient.as(port, staff).get("/api/inbox/tasks").json()) {
        if (dealId.equals(t.path("dealId").asText()) && elementId.equals(t.path("elementId").asText())) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private static JsonNode awaitKycReview(int port) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      for (JsonNode t : ApiClient.as(port, COMPLIANCE).get("/api/inbox/tasks").json()) {
        if ("Task_ReviewKyc".equals(t.path("elementId").asText())) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private static void sandboxFaults(int port, boolean holdCallbacks) {
    ApiClient.Response r = ApiClient.anonymous(port).put("/sandbox/api/faults", Map.of("down", false, "latencyMillis", 0, "holdCallbacks", holdCallbacks));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }
}
