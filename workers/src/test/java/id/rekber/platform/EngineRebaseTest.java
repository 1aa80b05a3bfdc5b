package id.rekber.platform;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.kyc.KycFixtures;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded engine is replaced by a fresh one in the middle of open work: a deal waiting for
 * payment, a deal in inspection (a timer), a dispute in mediation (a mediator's task) and a KYC
 * submission in review (a compliance task). Each carries on afterwards against the new engine, over
 * the same client, and no money moves twice.
 */
@IntegrationTest
class EngineRebaseTest {
  @LocalServerPort int port;
  @Autowired EngineRebase rebase;
  @Autowired TimeMachine time;
  @Autowired EmbeddedKeycloak keycloak;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void openDealsADisputeAndAKycReviewCarryOnAfterTheEngineIsReplaced() throws Exception {
    // Open work of every kind, on the old engine.
    String unpaid = deals.create(SARI, BUDI, 110_000);
    deals.act(BUDI, unpaid, "accept");
    deals.awaitStatus(BUDI, unpaid, "MENUNGGU_PEMBAYARAN");

    String inspecting = receivedDeal(120_000);

    String disputed = receivedDeal(130_000);
    post(BUDI, "/api/deals/" + disputed + "/dispute", Map.of("reason", "Sepatu yang datang ukuran 40, bukan 42 seperti di iklan."), 202);
    awaitStage(disputed, "SELLER_RESPONSE");
    post(SARI, "/api/deals/" + disputed + "/dispute/response", Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan."), 202);
    JsonNode mediation = awaitStage(disputed, "MEDIATION");
    long lostMediatorTask = awaitTask(MEDIATOR, t -> disputed.equals(t.path("dealId").asText())).get("key").asLong();

    String member = KycFixtures.newMember(keycloak.logFile().getParent().toString(), "Nanda", "Putra");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "NANDA");
    assertThat(KycFixtures.submit(port, member, KycFixtures.cleanForm("Nanda Putra", account), KycFixtures.JPEG, KycFixtures.JPEG).status()).isEqualTo(202);
    awaitKyc(member, "IN_REVIEW");
    String submission = KycFixtures.me(port, member).at("/submission/id").asText();
    long lostReviewTask = awaitTask(COMPLIANCE, t -> t.path("variablesJson").asText().contains(submission)).get("key").asLong();

    // A command that arrives while the engine is replaced waits for it instead of failing.
    String accepting = deals.create(SARI, BUDI, 140_000);
    Map<String, Object> before = rebase.status();
    CompletableFuture<Map<String, Object>> replacing = CompletableFuture.supplyAsync(() -> rebase.rebase("test"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !"OPEN".equals(rebase.status().get("gate")) || replacing.isDone());
    ApiClient.Response accepted = ApiClient.as(port, BUDI).post("/api/deals/" + accepting + "/accept", null);

    Map<String, Object> outcome = replacing.get();
    assertThat(outcome).as(outcome.toString()).containsEntry("replaced", true);
    Map<String, Object> after = rebase.status();
    assertThat((Long) after.get("generation")).isEqualTo((Long) before.get("generation") + 1);
    assertThat((Long) after.get("logEntries")).isLessThan((Long) before.get("logEntries"));
    assertThat(after.get("gate")).isEqualTo("OPEN");
    // The same client reaches the new engine.
    assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    deals.awaitStatus(BUDI, accepting, "MENUNGGU_PEMBAYARAN");

    // The mediator's and the officer's tasks are there again, under new keys; the old ones are gone.
    JsonNode mediatorTask = awaitTask(MEDIATOR, t -> disputed.equals(t.path("dealId").asText()) && t.get("key").asLong() != lostMediatorTask);
    assertThat(mediatorTask.path("elementId").asText()).isEqualTo("Task_MediatorDecision");
    JsonNode reviewTask = awaitTask(COMPLIANCE, t -> t.path("variablesJson").asText().contains(submission) && t.get("key").asLong() != lostReviewTask);
    assertThat(ApiClient.as(port, MEDIATOR).post("/api/inbox/tasks/" + lostMediatorTask + "/complete", Map.of("outcome", "REFUND", "reason", "x")).status())
        .isEqualTo(409);
    // The dispute went on where it stood: still in mediation, with the same deadline.
    JsonNode resumed = dispute(disputed);
    assertThat(resumed.get("stage").asText()).isEqualTo("MEDIATION");
    assertThat(resumed.get("stageDeadline").asText()).isEqualTo(mediation.get("stageDeadline").asText());

    // Each carries on.
    deals.pay(BUDI, unpaid);
    deals.awaitStatus(BUDI, unpaid, "DANA_DITAHAN");
    deals.ship(SARI, unpaid);
    deals.awaitStatus(BUDI, unpaid, "DIKIRIM");
    deals.act(BUDI, unpaid, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, unpaid).get("deadlines").hasNonNull("inspectionEndsAt"));
    deals.act(BUDI, unpaid, "accept-goods");
    deals.awaitStatus(SARI, unpaid, "SELESAI");

    post(MEDIATOR, "/api/inbox/tasks/" + mediatorTask.get("key").asLong() + "/complete",
        Map.of("outcome", "REFUND", "reason", "Foto pembeli menunjukkan ukuran 40; iklan menyebut 42."), 204);
    deals.awaitStatus(BUDI, disputed, "DIKEMBALIKAN");

    post(COMPLIANCE, "/api/inbox/tasks/" + reviewTask.get("key").asLong() + "/complete", Map.of("reviewDecision", "APPROVE"), 204);
    assertThat(awaitKyc(member, "APPROVED").get("kycTier").asInt()).isEqualTo(1);

    // The inspection timer was rebuilt from the stored deadline and fires on the moved clock.
    time.advance(Duration.ofDays(3).plusMinutes(1));
    deals.awaitStatus(SARI, inspecting, "SELESAI");

    // Money moved once per step: one payment, one release or refund, one payout each.
    awaitPayouts(unpaid, 1);
    awaitPayouts(inspecting, 1);
    awaitPayouts(disputed, 1);
    List<String> released = List.of("PAYMENT", "PAYMENT", "RELEASE", "RELEASE", "RELEASE", "PAYOUT", "PAYOUT");
    assertThat(ledgerKinds(unpaid)).containsExactlyElementsOf(released);
    assertThat(ledgerKinds(inspecting)).containsExactlyElementsOf(released);
    assertThat(ledgerKinds(disputed)).containsExactly("PAYMENT", "PAYMENT", "REFUND", "REFUND", "PAYOUT", "PAYOUT");
    for (String deal : List.of(unpaid, inspecting, disputed)) {
      // Nothing is held for a finished deal (the database keeps every entry balanced and no holding negative).
      assertThat(jdbc.queryForObject("SELECT coalesce(sum(balance), 0) FROM ledger_balance WHERE deal_id = ?", Long.class, deal)).isZero();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM payout WHERE deal_id = ?", Integer.class, deal)).isEqualTo(1);
    }
  }

  /** Paid, shipped and received: the inspection timer runs. */
  private String receivedDeal(long price) {
    String id = deals.fundedDeal(SARI, BUDI, price);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    return id;
  }

  private void post(String user, String path, Object body, int expected) {
    ApiClient.Response r = ApiClient.as(port, user).post(path, body);
    assertThat(r.status()).as(path + ": " + r).isEqualTo(expected);
  }

  private JsonNode dispute(String id) {
    return ApiClient.as(port, BUDI).get("/api/deals/" + id + "/dispute").json();
  }

  private JsonNode awaitStage(String id, String stage) {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode d = dispute(id);
      assertThat(d.get("stage").asText()).isEqualTo(stage);
      assertThat(d.get("stageAnswered").asBoolean()).isFalse();
    });
    return dispute(id);
  }

  private JsonNode awaitTask(String staff, java.util.function.Predicate<JsonNode> which) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode t : ApiClient.as(port, staff).get("/api/inbox/tasks").json()) {
        if (which.test(t)) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private JsonNode awaitKyc(String member, String status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(KycFixtures.me(port, member).at("/submission/status").asText()).isEqualTo(status));
    return KycFixtures.me(port, member);
  }

  private void awaitPayouts(String id, int count) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      JsonNode payouts = ApiClient.as(port, BUDI).get("/api/deals/" + id + "/payouts").json();
      assertThat(payouts).hasSize(count);
      assertThat(payouts).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("COMPLETED"));
    });
  }

  private List<String> ledgerKinds(String id) {
    List<String> kinds = new ArrayList<>();
    ApiClient.as(port, BUDI).get("/api/deals/" + id + "/ledger").json().forEach(l -> kinds.add(l.get("kind").asText()));
    return kinds;
  }
}
