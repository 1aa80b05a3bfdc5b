package id.rekber.kyc;

import static id.rekber.support.DemoUsers.BUDI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.WebSession;
import id.rekber.singlenode.TimeMachine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Phone verification by one-time code (decision 42), and what it unlocks: selling, being invited by phone. */
@IntegrationTest
class PhoneVerificationTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TimeMachine time;
  @Autowired id.rekber.singlenode.EmbeddedKeycloak keycloak;

  @Test
  void aSellerNeedsAVerifiedPhoneAndIsThenFoundByIt() {
    String member = kycApprovedMember("Wulan", "Sari");
    Deals deals = new Deals(port);

    ApiClient.Response refused = deals.as(member).post("/api/deals", Deals.terms("SELLER", 100_000, BUDI));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("limit.seller-needs-phone");
    WebSession.Page page = WebSession.signIn(port, member).post("/deals", sellerForm());
    assertThat(page.text("myRole-error")).isEqualTo("Untuk menjual, verifikasi nomor HP Anda dulu di halaman /profile.");
    assertThat(deals.as(member).get("/api/deals").json().size()).as("a refused deal is not created").isZero();

    String phone = KycFixtures.newPhone();
    ApiClient api = ApiClient.as(port, member);
    assertThat(api.post("/api/me/phone/code", Map.of("phone", phone)).status()).isEqualTo(202);
    String code = KycFixtures.lastPhoneCode(port, member);
    // Stored only as a keyed, salted hash: the code appears in no column.
    Map<String, Object> row = jdbc.queryForMap("SELECT c.* FROM phone_challenge c JOIN app_user u ON u.id = c.user_id WHERE u.email = ?", member);
    assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(code));
    assertThat((String) row.get("code_hash")).matches("[0-9a-f]{64}");
    // Nobody else reads the member's messages.
    assertThat(ApiClient.as(port, BUDI).get("/api/dev/messages").body()).doesNotContain(code);
    assertThat(ApiClient.anonymous(port).get("/api/dev/messages").status()).isEqualTo(401);

    // Wrong codes count; after the last attempt even the right code is refused.
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int left = 4; left >= 1; left--) {
      ApiClient.Response r = api.post("/api/me/phone/verify", Map.of("code", wrong));
      assertThat(r.status()).as(r.toString()).isEqualTo(422);
      assertThat(r.json().get("detail").asText()).isEqualTo("Kode salah. Sisa percobaan: " + left + ".");
    }
    assertThat(api.post("/api/me/phone/verify", Map.of("code", wrong)).json().get("code").asText()).isEqualTo("phone.too-many-attempts");
    ApiClient.Response burnt = api.post("/api/me/phone/verify", Map.of("code", code));
    assertThat(burnt.status()).isEqualTo(429);
    assertThat(burnt.json().get("code").asText()).isEqualTo("phone.too-many-attempts");
    assertThat(api.get("/api/me/phone").json().get("verified").asBoolean()).isFalse();

    // A resend (no number: the saved one) gives a new code, which works.
    assertThat(api.post("/api/me/phone/code", null).status()).isEqualTo(202);
    ApiClient.Response verified = api.post("/api/me/phone/verify", Map.of("code", KycFixtures.lastPhoneCode(port, member)));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("verified").asBoolean()).isTrue();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM phone_challenge c JOIN app_user u ON u.id = c.user_id WHERE u.email = ?", Long.class, member)).isZero();

    assertThat(deals.as(member).post("/api/deals", Deals.terms("SELLER", 100_000, BUDI)).status()).isEqualTo(201);
    // The API invites by verified phone number now, as the web form does.
    Map<String, Object> byPhone = Deals.terms("BUYER", 150_000, null);
    byPhone.remove("counterpartyEmail");
    byPhone.put("counterpartyPhone", phone);
    ApiClient.Response invited = deals.as(BUDI).post("/api/deals", byPhone);
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    assertThat(invited.json().get("counterpartyEmail").asText()).isEqualTo(member);
  }

  @Test
  void codesExpireAndSendsAreLimited() {
    String member = KycFixtures.newMember(keycloak.logFile().getParent().toString(), "Yudi", "Hartono");
    ApiClient api = ApiClient.as(port, member);
    String phone = KycFixtures.newPhone();
    assertThat(api.post("/api/me/phone/code", Map.of("phone", phone, "channel", "WHATSAPP")).status()).isEqualTo(202);
    String code = KycFixtures.lastPhoneCode(port, member);
    assertThat(api.get("/api/dev/messages").json().get(0).get("channel").asText()).isEqualTo("WHATSAPP");
    assertThat(WebSession.signIn(port, member).get("/dev/messages").body()).contains("WHATSAPP").contains(code);

    time.advance(Duration.ofMinutes(5).plusSeconds(1));
    ApiClient.Response late = api.post("/api/me/phone/verify", Map.of("code", code));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("code").asText()).isEqualTo("phone.code-expired");

    assertThat(api.post("/api/me/phone/code", null).status()).isEqualTo(202);
    assertThat(api.post("/api/me/phone/code", null).status()).isEqualTo(202);
    ApiClient.Response fourth = api.post("/api/me/phone/code", null);
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.json().get("code").asText()).isEqualTo("phone.too-many-codes");
    assertThat(api.get("/api/dev/messages").json().size()).as("no fourth message went out").isEqualTo(3);

    // An unverified number finds nobody.
    Map<String, Object> byPhone = Deals.terms("BUYER", 150_000, null);
    byPhone.remove("counterpartyEmail");
    byPhone.put("counterpartyPhone", phone);
    ApiClient.Response unknown = ApiClient.as(port, BUDI).post("/api/deals", byPhone);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("code").asText()).isEqualTo("deal.counterparty.phone-unknown");
  }

  private String kycApprovedMember(String first, String last) {
    String member = KycFixtures.newMember(keycloak.logFile().getParent().toString(), first, last);
    assertThat(ApiClient.as(port, member).get("/api/me/phone").json().get("verified").asBoolean()).isFalse(); // creates the profile
    // KYC approval itself is KycApprovalTest's subject; here only its outcome matters.
    assertThat(jdbc.update("UPDATE app_user SET kyc_tier = 1 WHERE email = ?", member)).isEqualTo(1);
    return member;
  }

  private static Map<String, String> sellerForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("myRole", "SELLER");
    form.put("itemName", "Jasa desain logo");
    form.put("price", "100.000");
    form.put("shippingCost", "0");
    form.put("shipWithinDays", "2");
    form.put("inspectionDays", "3");
    form.put("feePayer", "BUYER");
    form.put("counterparty", BUDI);
    return form;
  }
}
