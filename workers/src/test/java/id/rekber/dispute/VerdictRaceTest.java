package id.rekber.dispute;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.LedgerAudit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accepting the goods, opening a dispute and the end of inspection race for one deal; the deal row
 * records the first (decision 20) and the others are refused with a clear answer, in each order.
 */
@IntegrationTest
class VerdictRaceTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TimeMachine time;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void acceptedGoodsCannotBeDisputedAfterwards() {
    String id = inspecting(171_000);
    deals.act(BUDI, id, "accept-goods");

    ApiClient.Response dispute = openDispute(id);
    assertThat(dispute.status()).isEqualTo(409);
    assertThat(dispute.contentType()).contains("application/problem+json");
    assertThat(dispute.json().get("code").asText()).isEqualTo("deal.verdict-taken");

    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM dispute WHERE deal_id = ?", Integer.class, id)).isZero();
  }

  @Test
  void aDisputedDealCannotBeAcceptedAfterwards() {
    String id = inspecting(172_000);
    assertThat(openDispute(id).status()).isEqualTo(202);

    ApiClient.Response accept = deals.as(BUDI).post("/api/deals/" + id + "/accept-goods", null);
    assertThat(accept.status()).isEqualTo(409);
    assertThat(accept.json().get("code").asText()).isEqualTo("deal.verdict-taken");

    deals.awaitStatus(SARI, id, "SENGKETA");
    assertThat(LedgerAudit.entries(jdbc, id, "RELEASE")).isZero();
  }

  @Test
  void acceptAndDisputeAtTheSameMomentLetExactlyOneWin() {
    String id = inspecting(173_000);
    CompletableFuture<Integer> accept =
        CompletableFuture.supplyAsync(() -> deals.as(BUDI).post("/api/deals/" + id + "/accept-goods", null).status());
    CompletableFuture<Integer> dispute = CompletableFuture.supplyAsync(() -> openDispute(id).status());
    List<Integer> answers = List.of(accept.join(), dispute.join());

    assertThat(answers).containsExactlyInAnyOrder(answers.get(0) == 202 ? 202 : 409, answers.get(0) == 202 ? 409 : 202);
    String expected = answers.get(0) == 202 ? "SELESAI" : "SENGKETA";
    deals.awaitStatus(SARI, id, expected);
    assertThat(LedgerAudit.entries(jdbc, id, "RELEASE")).isEqualTo(expected.equals("SELESAI") ? 1 : 0);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM dispute WHERE deal_id = ?", Integer.class, id))
        .isEqualTo(expected.equals("SENGKETA") ? 1 : 0);
  }

  @Test
  void afterTheInspectionTimerClosedTheDealAcceptingIsRefusedAndTheSellerIsPaidOnce() {
    String id = inspecting(174_000);
    time.advance(Duration.ofDays(3).plusMinutes(1)); // the inspection period ends: silence counts as acceptance
    await().atMost(Duration.ofSeconds(20)).until(() ->
        "TIMED_OUT".equals(jdbc.queryForObject("SELECT buyer_verdict FROM deal WHERE id = ?", String.class, id)));

    ApiClient.Response accept = deals.as(BUDI).post("/api/deals/" + id + "/accept-goods", null);
    assertThat(accept.status()).isIn(409);
    assertThat(openDispute(id).status()).isEqualTo(409);
    deals.awaitStatus(SARI, id, "SELESAI");
    assertThat(LedgerAudit.entries(jdbc, id, "RELEASE")).isEqualTo(1);
    LedgerAudit.assertSound(jdbc);
  }

  private String inspecting(long price) {
    String id = deals.fundedDeal(SARI, BUDI, price);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    return id;
  }

  private ApiClient.Response openDispute(String id) {
    return deals.as(BUDI).post("/api/deals/" + id + "/dispute", Map.of("reason", Disputes.REASON));
  }
}
