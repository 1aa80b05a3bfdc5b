package id.rekber.partner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample partner, end to end: the demo partner client's token, a webhook endpoint (WireMock,
 * failing its first call), a deal on behalf of Sari for Budi at the partner fee, the buyer's link,
 * isolation from every deal the partner did not create, signed deliveries retried after the failure,
 * the delivery log and a replay.
 */
@IntegrationTest
class PartnerApiTest {
  static final String PARTNER = "rekber-partner-demo";
  static final String SECRET = "rekber-partner-DEMO-ONLY-secret";

  @LocalServerPort int port;
  @Autowired TimeMachine time;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  WireMockServer shop;
  ApiClient partner;

  @BeforeEach
  void setUp() {
    shop = new WireMockServer(options().dynamicPort());
    shop.start();
    shop.stubFor(post(urlEqualTo("/rekber/webhook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    shop.stubFor(post(urlEqualTo("/rekber/webhook")).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(204)));
    partner = ApiClient.withAuthorization(port, "Bearer " + Tokens.ofClient(PARTNER, SECRET));
  }

  @AfterEach
  void tearDown() {
    shop.stop();
  }

  @Test
  void aPartnerCreatesADealReadsOnlyItsOwnAndGetsSignedWebhooksRetriedAfterAFailure() throws Exception {
    ApiClient.Response endpoint = partner.put("/api/partner/webhook", Map.of("url", shop.baseUrl() + "/rekber/webhook"));
    assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(200);
    String secret = endpoint.json().get("secret").asText();

    ApiClient.Response created = partner.post("/api/partner/deals", Map.of(
        "sellerEmail", SARI, "buyerEmail", BUDI, "itemName", "Sepatu lari Ardiles", "price", 250_000, "shippingCost", 20_000,
        "externalRef", "ORDER-7781"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode deal = created.json();
    String id = deal.get("id").asText();
    // partner-fee.dmn: 2 % of Rp 270.000 = Rp 5.400, below the normal Rp 6.750.
    assertThat(deal.get("fee").asLong()).isEqualTo(5_400);
    assertThat(deal.get("buyerPays").asLong()).isEqualTo(275_400);
    assertThat(deal.get("externalRef").asText()).isEqualTo("ORDER-7781");
    assertThat(deal.get("buyerLink").asText()).endsWith("/deals/" + id);

    // Isolation: a normal deal and another partner's deal look like deals that do not exist.
    Deals deals = new Deals(port);
    String normal = deals.create(SARI, BUDI, 100_000);
    String others = deals.create(SARI, BUDI, 110_000);
    jdbc.update("INSERT INTO partner_deal (deal_id, partner_id, created_at) VALUES (?, 'another-partner', now())", others);
    for (String foreign : List.of(normal, others, "RB-NOSUCHDL")) {
      ApiClient.Response read = partner.get("/api/partner/deals/" + foreign);
      assertThat(read.status()).as(foreign + ": " + read).isEqualTo(404);
      assertThat(read.json().get("code").asText()).isEqualTo("deal.not-found");
    }
    assertThat(partner.get("/api/partner/deals").json().findValuesAsText("id")).contains(id).doesNotContain(normal, others);
    assertThat(partner.get("/api/partner/deals/" + id).json().get("status").asText()).isNotBlank();
    // Roles: a member cannot use the partner API, and a partner is no member.
    assertThat(deals.as(SARI).get("/api/partner/deals/" + id).status()).isEqualTo(403);
    assertThat(partner.get("/api/deals/" + id).status()).isEqualTo(403);
    assertThat(ApiClient.anonymous(port).get("/api/partner/deals").status()).isEqualTo(401);

    // The buyer accepts through the link; the partner then hands out the provider's checkout.
    deals.act(BUDI, id, "accept");
    await().atMost(Duration.ofSeconds(30)).until(() -> !partner.get("/api/partner/deals/" + id).json().path("checkoutUrl").isNull());

    // The first delivery met the 503 and waits for its retry; after 10 s it is delivered.
    JsonNode first = await().atMost(Duration.ofSeconds(30)).until(() -> firstDelivery(id), d -> d != null && d.get("attempts").asInt() >= 1);
    time.advance(Duration.ofSeconds(11));
    JsonNode delivered = await().atMost(Duration.ofSeconds(30))
        .until(() -> firstDelivery(id), d -> "DELIVERED".equals(d.get("status").asText()));
    assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
    assertThat(delivered.get("lastStatus").asInt()).isEqualTo(204);
    assertThat(first.get("eventType").asText()).isEqualTo("CREATED");

    // Every request the shop received is signed; the sample verifier accepts it now and refuses it replayed later.
    SamplePartnerVerifier verifier = new SamplePartnerVerifier(secret);
    List<LoggedRequest> received = shop.findAll(postRequestedFor(urlEqualTo("/rekber/webhook")));
    assertThat(received).hasSizeGreaterThanOrEqualTo(3);
    Instant now = clock.instant();
    for (LoggedRequest r : received) {
      String ts = r.getHeader(WebhookSignature.TIMESTAMP_HEADER);
      assertThat(verifier.accepts(ts, r.getHeader(WebhookSignature.SIGNATURE_HEADER), r.getBodyAsString(), now)).as(r.getBodyAsString()).isTrue();
      assertThat(verifier.accepts(ts, r.getHeader(WebhookSignature.SIGNATURE_HEADER), r.getBodyAsString(), now.plus(Duration.ofMinutes(6)))).isFalse();
    }
    assertThat(received).extracting(r -> r.getBodyAsString()).anyMatch(b -> b.contains("\"dealId\":\"" + id + "\"") && b.contains("\"event\":\"ACCEPTED\""));

    // Replay: the same event again, as a new delivery.
    long firstId = delivered.get("id").asLong();
    ApiClient.Response replay = partner.post("/api/partner/webhook/deliveries/" + firstId + "/replay", null);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
    long replayId = replay.json().get("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> shop.findAll(postRequestedFor(urlEqualTo("/rekber/webhook"))).stream()
        .anyMatch(r -> Long.toString(replayId).equals(r.getHeader(WebhookSignature.DELIVERY_ID_HEADER))
            && Long.toString(firstId).equals(r.getHeader(WebhookSignature.EVENT_ID_HEADER))));
    // Another partner's delivery cannot be replayed (nor seen).
    jdbc.update("INSERT INTO partner_webhook (partner_id, deal_id, event_type, body, next_attempt_at, status, created_at) "
        + "VALUES ('another-partner', ?, 'CREATED', '{}', now(), 'DELIVERED', now())", others);
    Long foreignDelivery = jdbc.queryForObject("SELECT max(id) FROM partner_webhook WHERE partner_id = 'another-partner'", Long.class);
    assertThat(partner.post("/api/partner/webhook/deliveries/" + foreignDelivery + "/replay", null).status()).isEqualTo(404);
  }

  /** The oldest delivery of the deal in the partner's log, or null. */
  private JsonNode firstDelivery(String dealId) {
    JsonNode log = partner.get("/api/partner/webhook/deliveries").json();
    JsonNode oldest = null;
    for (JsonNode d : log) {
      if (dealId.equals(d.get("dealId").asText()) && d.get("replayOf").isNull()) {
        oldest = d;
      }
    }
    return oldest;
  }
}
