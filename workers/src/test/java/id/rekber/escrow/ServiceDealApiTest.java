package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Service deals over the API (decision 43): the milestones' rules, and who may act on them. */
@IntegrationTest
class ServiceDealApiTest {
  @LocalServerPort int port;
  @Autowired Clock clock;

  @Test
  void theApiCreatesAServiceDealAndRefusesMilestonesThatDoNotFit() {
    LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusDays(10);
    ApiClient sari = ApiClient.as(port, SARI);

    ApiClient.Response created = sari.post("/api/deals", service(300_000, 0, List.of(milestone(100_000, due), milestone(200_000, due))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    JsonNode milestones = sari.get("/api/deals/" + id + "/milestones").json();
    assertThat(milestones).hasSize(2);
    assertThat(milestones.get(0).get("state").asText()).isEqualTo("PENDING");
    assertThat(milestones.get(1).get("amount").asLong()).isEqualTo(200_000);
    ApiClient.Response early = sari.post("/api/deals/" + id + "/milestones/1/deliver", null);
    assertThat(early.status()).as("not paid yet").isEqualTo(409);
    assertThat(early.json().get("code").asText()).isEqualTo("milestone.wrong-state");
    assertThat(ApiClient.as(port, "rina@rekber.test").get("/api/deals/" + id + "/milestones").status()).isEqualTo(404);

    refused(service(350_000, 0, List.of(milestone(100_000, due), milestone(200_000, due))), 422, "deal.milestones.sum");
    refused(service(300_000, 10_000, List.of(milestone(300_000, due))), 422, "deal.milestones.no-shipping");
    refused(service(300_000, 0, List.of(milestone(300_000, due.minusDays(30)))), 422, "deal.milestones.due-past");
    List<Map<String, Object>> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(milestone(10_000, due));
    }
    refused(service(110_000, 0, eleven), 400, "request.invalid");
    refused(service(300_000, 0, List.of(Map.of("description", "", "amount", 300_000, "dueDate", due.toString()))), 400, "request.invalid");
  }

  private void refused(Map<String, Object> body, int status, String code) {
    ApiClient.Response r = ApiClient.as(port, SARI).post("/api/deals", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.json().get("code").asText()).isEqualTo(code);
  }

  private static Map<String, Object> service(long price, long shipping, List<Map<String, Object>> milestones) {
    Map<String, Object> body = Deals.terms("SELLER", price, BUDI);
    body.put("itemName", "Jasa desain logo");
    body.put("shippingCost", shipping);
    body.put("milestones", milestones);
    return body;
  }

  private static Map<String, Object> milestone(long amount, LocalDate due) {
    return Map.of("description", "Konsep logo", "amount", amount, "dueDate", due.toString());
  }
}
