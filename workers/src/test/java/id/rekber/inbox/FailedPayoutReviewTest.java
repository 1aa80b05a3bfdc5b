package id.rekber.inbox;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.JOKO;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A payout the bank rejects is never reported as released: it lands in the admin inbox as a
 * Camunda user task (converted to a job-worker user task on the embedded engine), and the deal
 * completes only after a retry succeeds.
 */
@IntegrationTest
class FailedPayoutReviewTest {
  @LocalServerPort int port;
  @Autowired Clock clock;

  @Test
  void aRejectedPayoutWaitsForAnAdminAndSucceedsOnRetry() {
    Deals deals = new Deals(port);
    // An account ending in 0000 is one the sandbox bank rejects (other tests may have fixed Joko's).
    ApiClient.as(port, JOKO).put("/api/me/payout-account", Map.of("bankCode", "MANDIRI", "accountNumber", "5550000", "accountName", "JOKO"));
    String id = deals.fundedDeal(JOKO, BUDI, 120_000);
    deals.ship(JOKO, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");

    JsonNode task = awaitOpenTask(ADMIN, id);
    assertThat(task.get("name").asText()).isEqualTo("Review failed payout");
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("admin");
    assertThat(task.get("formId").asText()).isEqualTo("failed-payout-review");
    // Due a day after it was opened, on the application's clock (other tests have moved it ahead of the wall clock).
    Instant now = clock.instant();
    assertThat(Instant.parse(task.get("dueAt").asText())).isBetween(now.plus(Duration.ofHours(23)), now.plus(Duration.ofHours(24)));
    assertThat(task.get("variablesJson").asText()).contains("account not found");
    // The form's facts for Tasklist: the amount and a masked destination, never the account number.
    assertThat(task.get("variablesJson").asText()).contains("\"caseDestination\":\"MANDIRI ***0000 (J***)\"")
        .contains("\"caseAmount\":\"Rp ").contains("/staff/cases/");

    JsonNode deal = deals.get(BUDI, id);
    assertThat(deal.get("status").asText()).isEqualTo("DIKIRIM");
    assertThat(deals.as(JOKO).get("/api/deals/" + id + "/payouts").json().get(0).get("status").asText()).isEqualTo("FAILED");

    // Staff outside the admin group cannot see or complete it; members neither.
    long key = task.get("key").asLong();
    // (Other tests' disputes may be in the mediators' inbox; none of this deal's tasks is.)
    assertThat(ApiClient.as(port, MEDIATOR).get("/api/inbox/tasks").json()).noneMatch(t -> id.equals(t.path("dealId").asText()));
    assertThat(ApiClient.as(port, MEDIATOR).post("/api/inbox/tasks/" + key + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, BUDI).post("/api/inbox/tasks/" + key + "/complete", Map.of()).status()).isEqualTo(403);

    // The form's rules hold on the server: a note is required.
    ApiClient.Response invalid = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", Map.of("payoutAction", "RETRY"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").has("adminNote")).isTrue();

    // Joko fixes his account, then two admins complete the task at once: one wins.
    ApiClient.Response fixed =
        ApiClient.as(port, JOKO).put("/api/me/payout-account", Map.of("bankCode", "MANDIRI", "accountNumber", "5551234567", "accountName", "JOKO"));
    assertThat(fixed.status()).isEqualTo(200);
    Map<String, Object> decision = Map.of("payoutAction", "RETRY", "adminNote", "Seller corrected the account number");
    List<CompletableFuture<Integer>> attempts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      attempts.add(CompletableFuture.supplyAsync(() -> ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete", decision).status()));
    }
    List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();
    assertThat(statuses).containsExactly(204, 409);

    deals.awaitStatus(JOKO, id, "SELESAI");
    JsonNode payouts = deals.as(JOKO).get("/api/deals/" + id + "/payouts").json();
    assertThat(payouts).extracting(p -> p.get("status").asText()).containsExactly("FAILED", "COMPLETED");
    JsonNode ledger = deals.as(JOKO).get("/api/deals/" + id + "/ledger").json();
    assertThat(ledger).filteredOn(l -> l.get("kind").asText().equals("PAYOUT")).hasSize(2);
  }

  @Test
  void aRetryThatFailsAgainNeedsANewDecisionEvenWhenTheJobIsDeliveredAgain() {
    Deals deals = new Deals(port);
    ApiClient.as(port, JOKO).put("/api/me/payout-account", Map.of("bankCode", "MANDIRI", "accountNumber", "5550000", "accountName", "JOKO"));
    String id = deals.fundedDeal(JOKO, BUDI, 125_000);
    deals.ship(JOKO, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");

    long first = awaitOpenTask(ADMIN, id).get("key").asLong();
    Map<String, Object> retry = Map.of("payoutAction", "RETRY", "adminNote", "Retry once, the bank was busy");
    assertThat(ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + first + "/complete", retry).status()).isEqualTo(204);
    // The account is still wrong: attempt 2 fails too, and a new review task opens.
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonNode t = openTask(ADMIN, id);
      return t != null && t.get("key").asLong() != first;
    });
    String attempt1 = "PO-" + id + "-RELEASE-1";

    // The send-payout job delivered again with the first decision (for attempt 1): nothing is sent.
    assertThatThrownBy(() -> payoutWorker.sendPayout(id, "RELEASE", attempt1))
        .isInstanceOfSatisfying(io.camunda.client.exception.BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("PAYOUT_NEEDS_REVIEW"));
    assertThat(deals.as(JOKO).get("/api/deals/" + id + "/payouts").json()).extracting(p -> p.get("status").asText())
        .containsExactly("FAILED", "FAILED");
  }

  @Autowired id.rekber.payment.PayoutWorker payoutWorker;

  private JsonNode openTask(String staff, String dealId) {
    for (JsonNode t : ApiClient.as(port, staff).get("/api/inbox/tasks").json()) {
      if (dealId.equals(t.path("dealId").asText())) {
        return t;
      }
    }
    return null;
  }

  private JsonNode awaitOpenTask(String staff, String dealId) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              for (JsonNode t : ApiClient.as(port, staff).get("/api/inbox/tasks").json()) {
                if (dealId.equals(t.path("dealId").asText())) {
                  found[0] = t;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }
}
