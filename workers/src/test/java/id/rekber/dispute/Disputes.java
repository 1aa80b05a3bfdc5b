package id.rekber.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Drives disputes through the HTTP API as buyers, sellers and staff do. */
class Disputes {
  static final String REASON = "Sepatu yang datang ukuran 40, bukan 42 seperti di iklan.";
  static final String DECISION_REASON = "Foto pembeli menunjukkan ukuran 40; iklan menyebut 42.";
  private final int port;
  final Deals deals;

  Disputes(int port) {
    this.port = port;
    this.deals = new Deals(port);
  }

  ApiClient as(String email) {
    return ApiClient.as(port, email);
  }

  /** Paid, shipped, received, inspection running, and the buyer disputes: the seller must answer. */
  String disputedDeal(String seller, String buyer, long price) {
    String id = deals.fundedDeal(seller, buyer, price);
    deals.ship(seller, id);
    deals.awaitStatus(buyer, id, "DIKIRIM");
    deals.act(buyer, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(buyer, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    ApiClient.Response opened = as(buyer).post("/api/deals/" + id + "/dispute", Map.of("reason", REASON));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(202);
    deals.awaitStatus(buyer, id, "SENGKETA");
    awaitStage(buyer, id, "SELLER_RESPONSE");
    return id;
  }

  JsonNode dispute(String user, String id) {
    ApiClient.Response r = as(user).get("/api/deals/" + id + "/dispute");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  JsonNode awaitStage(String user, String id, String stage) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      JsonNode d = dispute(user, id);
      assertThat(d.get("stage").asText()).isEqualTo(stage);
      assertThat(d.get("stageAnswered").asBoolean()).isFalse();
    });
    return dispute(user, id);
  }

  void post(String user, String path, Object body, int expected) {
    ApiClient.Response r = as(user).post(path, body);
    assertThat(r.status()).as(path + ": " + r).isEqualTo(expected);
  }

  void respond(String seller, String id, Map<String, Object> form) {
    post(seller, "/api/deals/" + id + "/dispute/response", form, 202);
  }

  /** The open inbox task of this deal in the staff member's inbox. */
  JsonNode awaitTask(String staff, String id, String elementId) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
      for (JsonNode t : as(staff).get("/api/inbox/tasks").json()) {
        if (id.equals(t.path("dealId").asText()) && elementId.equals(t.path("elementId").asText())) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  ApiClient.Response decide(String staff, long taskKey, Map<String, Object> decision) {
    return as(staff).post("/api/inbox/tasks/" + taskKey + "/complete", decision);
  }

  JsonNode ledger(String user, String id) {
    return as(user).get("/api/deals/" + id + "/ledger").json();
  }

  List<String> ledgerKinds(String user, String id) {
    List<String> kinds = new ArrayList<>();
    ledger(user, id).forEach(l -> kinds.add(l.get("kind").asText()));
    return kinds;
  }

  /** Waits until every payout of the deal completed and there are as many as expected. */
  JsonNode awaitPayoutsCompleted(String user, String id, int count) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      JsonNode payouts = as(user).get("/api/deals/" + id + "/payouts").json();
      assertThat(payouts).hasSize(count);
      assertThat(payouts).allSatisfy(p -> assertThat(p.get("status").asText()).isEqualTo("COMPLETED"));
    });
    return as(user).get("/api/deals/" + id + "/payouts").json();
  }
}
