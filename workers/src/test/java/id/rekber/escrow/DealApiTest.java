package id.rekber.escrow;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The deal API refuses what it must, in the caller's language, and changes nothing when it does. */
@IntegrationTest
class DealApiTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void invalidFieldsAreReportedPerFieldInIndonesianByDefault() {
    Map<String, Object> terms = Deals.terms("SELLER", -5, "not-an-email");
    terms.put("shipWithinDays", 9);
    terms.put("itemName", " ");
    int before = dealCount();
    ApiClient.Response r = deals.as(SARI).post("/api/deals", terms);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).contains("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors.get("price").asText()).isEqualTo("Harga harus lebih dari 0.");
    assertThat(errors.get("counterpartyEmail").asText()).isEqualTo("Email pihak lawan tidak valid.");
    assertThat(errors.get("shipWithinDays").asText()).contains("1 sampai 7");
    assertThat(errors.get("itemName").asText()).isEqualTo("Nama barang wajib diisi.");
    assertThat(dealCount()).isEqualTo(before);
  }

  @Test
  void errorsAreInEnglishWhenAskedFor() {
    ApiClient.Response r = deals.as(SARI).inLanguage("en").post("/api/deals", Deals.terms("SELLER", 0, BUDI));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("title").asText()).isEqualTo("Invalid request");
    assertThat(r.json().get("errors").get("price").asText()).isEqualTo("Price must be more than 0.");
  }

  @Test
  void unreadableBodiesAndUnknownChoicesAreProblems() {
    ApiClient.Response badEnum = deals.as(SARI).post("/api/deals", Map.of("myRole", "BROKER"));
    assertThat(badEnum.status()).isEqualTo(400);
    assertThat(badEnum.json().get("code").asText()).isEqualTo("request.unreadable");
    ApiClient.Response notJson = deals.as(SARI).post("/api/deals", "{price: ");
    assertThat(notJson.status()).isEqualTo(400);
  }

  @Test
  void amountsAreWholeRupiahAsJsonIntegersAndCannotOverflow() {
    int before = deals.as(SARI).get("/api/deals").json().size();
    Map<String, Object> fraction = Deals.terms("SELLER", 100_000, BUDI);
    fraction.put("price", 100000.7);
    assertThat(deals.as(SARI).post("/api/deals", fraction).status()).as("a fraction is not cut off").isEqualTo(400);
    Map<String, Object> text = Deals.terms("SELLER", 100_000, BUDI);
    text.put("price", "100000");
    assertThat(deals.as(SARI).post("/api/deals", text).status()).as("a string is not a number").isEqualTo(400);
    Map<String, Object> overflow = Deals.terms("SELLER", Long.MAX_VALUE, BUDI);
    overflow.put("shippingCost", 1);
    ApiClient.Response wrapped = deals.as(SARI).post("/api/deals", overflow);
    assertThat(wrapped.status()).as(wrapped.toString()).isEqualTo(422);
    assertThat(wrapped.json().get("code").asText()).isEqualTo("deal.amount-over-limit");
    assertThat(deals.as(SARI).get("/api/deals").json().size()).isEqualTo(before);
  }

  @Test
  void textWithANulCharacterIsRefusedAsAProblemAndCreatesNothing() {
    int before = deals.as(SARI).get("/api/deals").json().size();
    Map<String, Object> terms = Deals.terms("SELLER", 100_000, BUDI);
    terms.put("itemName", "Sepatu\u0000lari");
    ApiClient.Response nul = deals.as(SARI).inLanguage("en").post("/api/deals", terms);
    assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
    assertThat(nul.json().get("code").asText()).isEqualTo("request.text-nul");
    assertThat(nul.json().get("detail").asText()).contains("NUL");
    assertThat(deals.as(SARI).get("/api/deals").json().size()).isEqualTo(before);
  }

  @Test
  void amountsOverTheLimitAndDealsWithYourselfAreRefused() {
    ApiClient.Response tooMuch = deals.as(SARI).post("/api/deals", Deals.terms("SELLER", 100_000_000, BUDI));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().get("detail").asText()).contains("Rp 100.000.000");
    ApiClient.Response self = deals.as(SARI).post("/api/deals", Deals.terms("SELLER", 10_000, SARI));
    assertThat(self.status()).isEqualTo(422);
    assertThat(self.json().get("code").asText()).isEqualTo("deal.counterparty-is-self");
  }

  @Test
  void feesComeFromTheDecisionTableWithMinimumMaximumAndSplit() {
    assertThat(fee(100_000, "BUYER")).containsExactly(5_000L, 5_000L, 0L);
    assertThat(fee(1_000_000, "SELLER")).containsExactly(25_500L, 0L, 25_500L); // 1.020.000 incl. shipping
    assertThat(fee(30_000_000, "SPLIT")).containsExactly(500_000L, 250_000L, 250_000L);
    assertThat(fee(1_180_000, "SPLIT")).containsExactly(30_000L, 15_000L, 15_000L);
    assertThat(fee(1_180_020, "SPLIT")).containsExactly(30_000L, 15_000L, 15_000L);
    assertThat(fee(1_180_060, "SPLIT")).containsExactly(30_001L, 15_000L, 15_001L);
  }

  @Test
  void withoutCredentialsTheApiAnswers401AsAProblem() {
    ApiClient.Response r = ApiClient.anonymous(port).get("/api/deals");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("detail").asText()).isEqualTo("Silakan masuk terlebih dahulu.");
    ApiClient.Response forged = ApiClient.withAuthorization(port, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/me");
    assertThat(forged.status()).isEqualTo(401);
    ApiClient.Response basic = ApiClient.withAuthorization(port, "Basic YnVkaUByZWtiZXIudGVzdDpyZWtiZXItZGVtbw==").get("/api/me");
    assertThat(basic.status()).as("HTTP Basic is gone").isEqualTo(401);
  }

  @Test
  void onlyThePartiesSeeADealAndEachOnlyInTheirRole() {
    String id = deals.create(SARI, BUDI, 50_000);
    // A stranger hears exactly what they would hear for a deal that does not exist.
    assertThat(deals.as(RINA).get("/api/deals/" + id).status()).isEqualTo(404);
    assertThat(deals.as(RINA).get("/api/deals/" + id + "/ledger").status()).isEqualTo(404);
    assertThat(deals.as(ADMIN).get("/api/deals/" + id).status()).as("staff work through their inboxes").isEqualTo(403);
    assertThat(deals.as(RINA).post("/api/deals/" + id + "/accept", null).status()).isEqualTo(404);
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/accept", null).status()).isEqualTo(403);
    assertThat(deals.as(RINA).post("/api/deals/" + id + "/ship", Map.of("courier", "", "trackingNumber", "x")).status())
        .as("a stranger's invalid shipment is refused for who they are, not for the body")
        .isEqualTo(404);
    assertThat(deals.as(BUDI).get("/api/deals/RB-NOSUCH00").status()).isEqualTo(404);

    deals.act(BUDI, id, "accept");
    deals.awaitStatus(BUDI, id, "MENUNGGU_PEMBAYARAN");
    assertThat(deals.as(SARI).get("/api/deals/" + id + "/payment").status()).isEqualTo(403);
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/ship", Map.of("courier", "JNE", "trackingNumber", "JNE12345678")).status())
        .as("cannot ship before payment")
        .isEqualTo(409);
  }

  @Test
  void aSellerCannotConfirmReceiptAndABuyerCannotShip() {
    String id = deals.fundedDeal(SARI, BUDI, 80_000);
    ApiClient.Response buyerShips = deals.as(BUDI).post("/api/deals/" + id + "/ship", Map.of("courier", "JNE", "trackingNumber", "JNE12345678"));
    assertThat(buyerShips.status()).isEqualTo(403);
    assertThat(buyerShips.json().get("code").asText()).isEqualTo("deal.only-seller");
    ApiClient.Response badTracking = deals.as(SARI).post("/api/deals/" + id + "/ship", Map.of("courier", "JNE", "trackingNumber", "<script>"));
    assertThat(badTracking.status()).isEqualTo(400);
    deals.ship(SARI, id);
    deals.awaitStatus(SARI, id, "DIKIRIM");
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/confirm-receipt", null).status()).isEqualTo(403);
    assertThat(deals.as(SARI).post("/api/deals/" + id + "/accept-goods", null).status()).isEqualTo(403);
    ApiClient.Response shippedTwice = deals.as(SARI).post("/api/deals/" + id + "/ship", Map.of("courier", "JNE", "trackingNumber", "<script>"));
    assertThat(shippedTwice.status()).as("who and when are checked before what").isEqualTo(409);
  }

  @Test
  void theCounterpartyCanDeclineAndTheInitiatorCanWithdraw() {
    String declined = deals.create(SARI, BUDI, 40_000);
    deals.act(BUDI, declined, "decline");
    assertThat(deals.awaitStatus(SARI, declined, "DIBATALKAN").get("statusReason").asText()).isEqualTo("DECLINED");

    String withdrawn = deals.create(SARI, BUDI, 40_000);
    deals.act(SARI, withdrawn, "cancel");
    assertThat(deals.awaitStatus(SARI, withdrawn, "DIBATALKAN").get("statusReason").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void afterPaymentOnlyBothPartiesTogetherCanCancelAndTheBuyerIsRefunded() {
    String id = deals.fundedDeal(SARI, BUDI, 90_000);
    deals.act(BUDI, id, "cancel");
    JsonNode stillHeld = deals.get(BUDI, id);
    assertThat(stillHeld.get("status").asText()).isEqualTo("DANA_DITAHAN");
    assertThat(stillHeld.get("nextActions")).extracting(JsonNode::asText).doesNotContain("cancel");
    deals.act(SARI, id, "cancel");
    deals.awaitStatus(BUDI, id, "DIBATALKAN");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> deals.as(BUDI).get("/api/deals/" + id + "/payouts").json().path(0).path("status").asText().equals("COMPLETED"));
    assertThat(deals.as(BUDI).get("/api/deals/" + id + "/ship").status()).isEqualTo(405);
  }

  @Test
  void myDealsListsBothRolesAndInvitations() {
    String asSeller = deals.create(SARI, BUDI, 60_000);
    ApiClient.Response created = deals.as(BUDI).post("/api/deals", Deals.terms("BUYER", 70_000, SARI));
    String asBuyer = created.json().get("id").asText();
    JsonNode mine = deals.as(SARI).get("/api/deals").json();
    assertThat(mine).extracting(d -> d.get("id").asText()).contains(asSeller, asBuyer);
    JsonNode invitedOnly = deals.as(SARI).get("/api/deals?role=SELLER").json();
    assertThat(invitedOnly).extracting(d -> d.get("id").asText()).contains(asSeller).doesNotContain(asBuyer);
    JsonNode invitation = deals.get(SARI, asBuyer);
    assertThat(invitation.get("myRole").asText()).isEqualTo("INVITEE");
    assertThat(invitation.get("nextActions")).extracting(JsonNode::asText).containsExactly("accept", "decline");
  }

  private List<Long> fee(long price, String payer) {
    Map<String, Object> terms = Deals.terms("SELLER", price, BUDI);
    terms.put("feePayer", payer);
    JsonNode deal = deals.as(SARI).post("/api/deals", terms).json();
    return List.of(deal.get("fee").asLong(), deal.get("buyerFee").asLong(), deal.get("sellerFee").asLong());
  }

  private int dealCount() {
    return jdbc.queryForObject("SELECT count(*) FROM deal", Integer.class);
  }
}
