package id.rekber.trust;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.RINA;
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
import id.rekber.support.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trust on the whole stack: a report verified, appealed and upheld with the second-reviewer rule;
 * abusive reporters limited; the rating rules; the public check's rate limit; and every new
 * endpoint refusing the wrong caller. (The normalised path runs in TrustJourneyBrowserTest.)
 */
@IntegrationTest
class TrustTest {
  @LocalServerPort int port;
  @Autowired EmbeddedKeycloak keycloak;
  @Autowired JdbcTemplate jdbc;
  @Autowired TimeMachine time;

  String keycloakDir() {
    return keycloak.logFile().getParent().toString();
  }

  @Test
  void aVerifiedReportIsShownTheOwnerAppealsAndTheVerifierCannotDecideTheAppeal() {
    time.advance(Duration.ofMinutes(1)); // a fresh rate-limit window: other classes may have spent this client's minute
    TrustFixtures.Owner owner = TrustFixtures.verifiedOwner(port, keycloakDir(), "Dedi", "Kurniawan");
    JsonNode before = ApiClient.anonymous(port).get("/api/public/check?bankCode=BCA&accountNumber=" + owner.account()).json();
    assertThat(before.get("verifiedReports").asInt()).isZero();
    assertThat(before.at("/verifiedSeller/kycTier").asInt()).isEqualTo(1);

    ApiClient.Response filed = TrustFixtures.report(port, BUDI, TrustFixtures.bankReport(owner.account()), KycFixtures.PNG);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    String report = filed.json().get("id").asText();
    assertThat(filed.body()).doesNotContain(owner.account());
    assertThat(TrustFixtures.report(port, BUDI, TrustFixtures.bankReport(owner.account()), KycFixtures.PNG).json().get("code").asText())
        .isEqualTo("fraud.report.duplicate");

    long review = TrustFixtures.awaitTask(port, COMPLIANCE, report, "Task_ReviewReport");
    assertThat(TrustFixtures.complete(port, COMPLIANCE, review, Map.of("reviewDecision", "VERIFY", "reviewNote", "bukti transfer cocok")).status())
        .isEqualTo(204);
    JsonNode verified = TrustFixtures.awaitStatus(port, owner.email(), report, "VERIFIED");
    assertThat(verified.get("appealBy").asText()).isNotBlank();

    JsonNode shown = ApiClient.anonymous(port).get("/api/public/check?bankCode=bca&accountNumber=" + owner.account()).json();
    assertThat(shown.get("verifiedReports").asInt()).isEqualTo(1);
    assertThat(shown.get("listed").asBoolean()).isTrue();
    assertThat(shown.get("underAppeal").asBoolean()).isFalse();
    assertThat(shown.get("masked").asText()).isEqualTo("BCA ******" + owner.account().substring(6));
    assertThat(shown.toString()).doesNotContain(owner.account()).doesNotContain("Dedi").doesNotContain("DEDI").doesNotContain(owner.email());
    // The owner is mailed (through the outbox to GreenMail).
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "SELECT count(*) FROM notification_outbox WHERE recipient = ? AND subject LIKE '%diblokir%' AND sent_at IS NOT NULL", Integer.class, owner.email()) == 1);

    // Only the owner may appeal; with evidence.
    assertThat(TrustFixtures.appeal(port, RINA, report, "Ini bukan rekening saya, saya hanya iseng.", KycFixtures.PNG).status()).isEqualTo(404);
    assertThat(TrustFixtures.appeal(port, owner.email(), report, "Barang sudah saya kirim, ini resi JNE dan chat.").json().get("code").asText())
        .isEqualTo("request.invalid");
    ApiClient.Response appealed = TrustFixtures.appeal(port, owner.email(), report, "Barang sudah saya kirim, ini resi JNE dan chat.", KycFixtures.PNG);
    assertThat(appealed.status()).as(appealed.toString()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).get("/api/public/check?bankCode=BCA&accountNumber=" + owner.account()).json().get("underAppeal").asBoolean())
        .isTrue();

    // The officer who verified may not decide the appeal; an admin may.
    long appeal = TrustFixtures.awaitTask(port, COMPLIANCE, report, "Task_ReviewAppeal");
    ApiClient.Response refused = TrustFixtures.complete(port, COMPLIANCE, appeal, Map.of("appealDecision", "NORMALISE", "appealNote", "saya sendiri setuju"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("fraud.appeal.second-reviewer");
    assertThat(TrustFixtures.complete(port, ADMIN, appeal, Map.of("appealDecision", "UPHOLD", "appealNote", "resi JNE palsu, tidak terdaftar")).status())
        .isEqualTo(204);
    TrustFixtures.awaitStatus(port, owner.email(), report, "UPHELD");
    JsonNode upheld = ApiClient.anonymous(port).get("/api/public/check?bankCode=BCA&accountNumber=" + owner.account()).json();
    assertThat(upheld.get("verifiedReports").asInt()).isEqualTo(1);
    assertThat(upheld.get("underAppeal").asBoolean()).isFalse();
    // Both people are recorded, and every decision is audited.
    assertThat(jdbc.queryForMap("SELECT verified_by, appeal_decided_by FROM fraud_report WHERE id = ?::uuid", report))
        .containsEntry("verified_by", COMPLIANCE).containsEntry("appeal_decided_by", ADMIN);
    assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE object_type = 'fraud-report' AND object_id = ? ORDER BY id", String.class, report))
        .contains("FRAUD_REPORT_FILED", "FRAUD_REVIEW_VERIFY", "FRAUD_APPEAL_FILED", "FRAUD_APPEAL_UPHOLD");
  }

  @Test
  void membersWhoseReportsAreDismissedAsAbusiveMayNotReportForAWhile() {
    String reporter = KycFixtures.newMember(keycloakDir(), "Iseng", "Saja");
    for (int i = 0; i < 2; i++) {
      ApiClient.Response filed = TrustFixtures.report(port, reporter, TrustFixtures.bankReport(TrustFixtures.unownedAccount()), KycFixtures.PNG);
      assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
      String report = filed.json().get("id").asText();
      long task = TrustFixtures.awaitTask(port, COMPLIANCE, report, "Task_ReviewReport");
      assertThat(TrustFixtures.complete(port, COMPLIANCE, task, Map.of("reviewDecision", "ABUSIVE", "reviewNote", "bukti hasil suntingan")).status())
          .isEqualTo(204);
      TrustFixtures.awaitStatus(port, reporter, report, "ABUSIVE");
    }
    ApiClient.Response limited = TrustFixtures.report(port, reporter, TrustFixtures.bankReport(TrustFixtures.unownedAccount()), KycFixtures.PNG);
    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.json().get("code").asText()).isEqualTo("fraud.report.limited");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM fraud_report r JOIN app_user u ON u.id = r.reporter_id WHERE u.email = ?", Integer.class, reporter))
        .isEqualTo(2);
  }

  @Test
  void onlyThePartiesOfACompletedDealRateEachOtherOnceAndTheTextIsEscaped() {
    Deals deals = new Deals(port);
    String open = deals.create(SARI, BUDI, 120_000);
    assertThat(rate(BUDI, open, 5, "cepat").status()).isEqualTo(404); // an invitee is no party yet
    deals.act(BUDI, open, "accept");
    deals.awaitStatus(BUDI, open, "MENUNGGU_PEMBAYARAN");
    ApiClient.Response early = rate(BUDI, open, 5, "cepat");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("code").asText()).isEqualTo("review.deal-not-completed");

    String done = completedDeal(deals);
    assertThat(rate(RINA, done, 1, "saya bukan pihak").status()).isEqualTo(404);
    assertThat(rate(BUDI, done, 6, "terlalu bagus").json().get("code").asText()).isEqualTo("request.invalid");
    assertThat(rate(BUDI, done, 5, "x".repeat(281)).status()).isEqualTo(400);
    String hostile = "<script>alert('x')</script> barang sesuai";
    ApiClient.Response rated = rate(BUDI, done, 5, hostile);
    assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
    assertThat(rate(BUDI, done, 4, "ubah nilai").json().get("code").asText()).isEqualTo("review.already-rated");
    assertThat(rate(SARI, done, 4, "pembeli ramah").status()).isEqualTo(201);

    time.advance(Duration.ofMinutes(1)); // a fresh rate-limit window for the public profile
    String sari = jdbc.queryForObject("SELECT id::text FROM app_user WHERE email = ?", String.class, SARI);
    String page = WebSession.signIn(port, RINA).get("/anggota/" + sari).body();
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; barang sesuai").doesNotContain(hostile);
    JsonNode profile = ApiClient.anonymous(port).get("/api/public/members/" + sari).json();
    assertThat(profile.get("completedAsSeller").asInt()).isPositive();
    assertThat(profile.toString()).doesNotContain(SARI).doesNotContain("Sari");

    long review = rated.json().get("id").asLong();
    assertThat(ApiClient.as(port, COMPLIANCE).post("/api/admin/reviews/" + review + "/hide", Map.of("reason", "kata-kata kasar")).status()).isEqualTo(403);
    assertThat(ApiClient.as(port, ADMIN).post("/api/admin/reviews/" + review + "/hide", Map.of("reason", "x")).status()).isEqualTo(400);
    assertThat(ApiClient.as(port, ADMIN).post("/api/admin/reviews/" + review + "/hide", Map.of("reason", "berisi kode berbahaya")).status()).isEqualTo(200);
    assertThat(ApiClient.anonymous(port).get("/api/public/members/" + sari).body()).doesNotContain("alert");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'REVIEW_HIDDEN' AND object_id = ? AND actor = ?", Integer.class,
        String.valueOf(review), ADMIN)).isEqualTo(1);
  }

  @Test
  void thePublicCheckIsRateLimitedPerClientAndAnswers429() {
    time.advance(Duration.ofMinutes(1)); // a fresh window for this client, whatever ran before
    ApiClient anonymous = ApiClient.anonymous(port);
    int ok = 0;
    ApiClient.Response last;
    do {
      last = anonymous.get("/api/public/check?phone=0812" + String.format("%08d", ok));
      ok += last.status() == 200 ? 1 : 0;
    } while (last.status() == 200 && ok <= 25);
    assertThat(ok).isEqualTo(20);
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.contentType()).contains("application/problem+json");
    assertThat(last.json().get("code").asText()).isEqualTo("check.rate-limited");
    WebSession.Page page = pageAnonymous("/cek-rekening?kind=PHONE&number=081299999999");
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body()).contains("Terlalu banyak pengecekan");

    time.advance(Duration.ofMinutes(1));
    assertThat(anonymous.get("/api/public/check?phone=081299999999").status()).isEqualTo(200);
  }

  @Test
  void everyNewEndpointRefusesTheWrongCaller() {
    ApiClient anonymous = ApiClient.anonymous(port);
    assertThat(TrustFixtures.report(port, null, TrustFixtures.bankReport(TrustFixtures.unownedAccount()), KycFixtures.PNG).status()).isEqualTo(401);
    assertThat(TrustFixtures.report(port, COMPLIANCE, TrustFixtures.bankReport(TrustFixtures.unownedAccount()), KycFixtures.PNG).status()).isEqualTo(403);
    assertThat(anonymous.post("/api/deals/RB-NONE/review", Map.of("rating", 5)).status()).isEqualTo(401);
    assertThat(ApiClient.as(port, MEDIATOR).post("/api/deals/RB-NONE/review", Map.of("rating", 5)).status()).isEqualTo(403);
    assertThat(anonymous.post("/api/admin/reviews/1/hide", Map.of("reason", "kata-kata kasar")).status()).isEqualTo(401);
    assertThat(ApiClient.as(port, BUDI).post("/api/admin/reviews/1/hide", Map.of("reason", "kata-kata kasar")).status()).isEqualTo(403);

    // A report is seen by its reporter and the number's owner only.
    ApiClient.Response filed = TrustFixtures.report(port, BUDI, TrustFixtures.bankReport(TrustFixtures.unownedAccount()), KycFixtures.PNG);
    String report = filed.json().get("id").asText();
    assertThat(ApiClient.as(port, BUDI).get("/api/fraud-reports/" + report).status()).isEqualTo(200);
    assertThat(ApiClient.as(port, SARI).get("/api/fraud-reports/" + report).status()).isEqualTo(404);
    assertThat(TrustFixtures.appeal(port, SARI, report, "Ini bukan rekening saya sama sekali.", KycFixtures.PNG).status()).isEqualTo(404);
    WebSession sari = WebSession.signIn(port, SARI);
    assertThat(sari.get("/laporan/" + report).status()).isEqualTo(404);
    // Staff pages: compliance and admin only, not mediators or members.
    String evidence = jdbc.queryForObject("SELECT id::text FROM fraud_evidence WHERE report_id = ?::uuid LIMIT 1", String.class, report);
    assertThat(sari.get("/staff/fraud-evidence/" + evidence).status()).isEqualTo(403);
    WebSession mediator = WebSession.signIn(port, MEDIATOR);
    assertThat(mediator.get("/staff/fraud-evidence/" + evidence).status()).isEqualTo(403);
    assertThat(mediator.get("/staff/fraud-reports/" + report).status()).isEqualTo(403);
    WebSession.Page seen = WebSession.signIn(port, COMPLIANCE).get("/staff/fraud-evidence/" + evidence);
    assertThat(seen.status()).isEqualTo(200);
  }

  private ApiClient.Response rate(String user, String dealId, int rating, String text) {
    return ApiClient.as(port, user).post("/api/deals/" + dealId + "/review", Map.of("rating", rating, "text", text));
  }

  private String completedDeal(Deals deals) {
    String id = deals.fundedDeal(SARI, BUDI, 180_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");
    return id;
  }

  private WebSession.Page pageAnonymous(String path) {
    try {
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html").GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      return new WebSession.Page(response.statusCode(), response.uri(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
