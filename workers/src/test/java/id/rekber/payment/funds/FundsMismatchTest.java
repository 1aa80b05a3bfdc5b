package id.rekber.payment.funds;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.sandbox.SandboxFaults;
import id.rekber.platform.EngineCommands;
import id.rekber.support.ApiClient;
import id.rekber.support.Browser;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The daily proof of funds on the whole application: the sandbox's statement leaves out a payout
 * Rekber's ledger posted; the check finds the deal and its PAYOUT entry, an admin gets the incident
 * task, and the public "Dana nasabah" page says the day is not reconciled, naming no deal.
 */
@IntegrationTest
class FundsMismatchTest {
  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired SandboxFaults faults;
  @Autowired EngineCommands engine;
  @Autowired FundsReconciliation reconciliation;

  @AfterEach
  void completeStatementsAgain() {
    faults.completeStatements();
  }

  @Test
  void aPayoutMissingFromTheProviderStatementOpensAnAdminIncident() {
    Deals deals = new Deals(port);
    String id = deals.fundedDeal(SARI, BUDI, 180_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");
    String payout = "PO-" + id + "-RELEASE-1";
    faults.dropFromStatement(payout);
    String day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).toString();

    FundsCheck direct = reconciliation.check(LocalDate.parse(day));
    assertThat(direct.reconciled()).isFalse();
    assertThat(direct.items()).anySatisfy(d -> assertThat(d.reference()).isEqualTo(payout));

    engine.start("funds-reconciliation", "check:" + day + ":" + UUID.randomUUID(), Map.of("fundsDay", day));

    JsonNode task = awaitIncident(id);
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("admin");
    assertThat(task.get("formId").asText()).isEqualTo("funds-mismatch");
    assertThat(task.get("variablesJson").asText())
        .contains(id + " entry ").contains("PAYOUT " + payout + ": ledger ").contains(", provider —, NOT_AT_PROVIDER")
        .contains("\"fundsReconciled\":false");
    long key = task.get("key").asLong();
    assertThat(ApiClient.as(port, MEDIATOR).post("/api/inbox/tasks/" + key + "/complete", Map.of()).status()).isEqualTo(403);

    JsonNode days = ApiClient.anonymous(port).get("/api/funds/days").json();
    JsonNode today = null;
    for (JsonNode d : days) {
      if (d.get("day").asText().equals(day)) {
        today = d;
      }
    }
    assertThat(today).as("the day on the public list").isNotNull();
    assertThat(today.get("reconciled").asBoolean()).isFalse();
    assertThat(today.get("customerHeld").asLong()).isNotNegative();
    assertThat(today.has("items")).isFalse();
    java.net.http.HttpResponse<String> page = page("/dana-nasabah");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Dana nasabah").contains("id=\"funds-" + day + "\"").doesNotContain(id);

    // What anyone sees, in a real browser (README screenshot).
    org.openqa.selenium.WebDriver browser = Browser.open(1000, 700);
    try {
      browser.get("http://localhost:" + port + "/dana-nasabah");
      new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(
          org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("funds-" + day)));
      assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("#funds-" + day + " td.warn"))).hasSize(1); // not reconciled
      Browser.screenshot(browser, "funds-01-dana-nasabah");
    } finally {
      browser.quit();
    }

    ApiClient.Response done = ApiClient.as(port, ADMIN).post("/api/inbox/tasks/" + key + "/complete",
        Map.of("findings", "Provider statement misses " + payout + "; asked the provider for a corrected report."));
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
  }

  /** A page as a browser without a session asks for it. */
  private java.net.http.HttpResponse<String> page(String path) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode awaitIncident(String dealId) {
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (JsonNode t : ApiClient.as(port, ADMIN).get("/api/inbox/tasks").json()) {
        if (t.get("name").asText().equals("Investigate funds mismatch") && t.get("variablesJson").asText().contains(dealId)) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }
}
