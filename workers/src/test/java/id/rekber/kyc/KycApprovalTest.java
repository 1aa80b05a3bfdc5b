package id.rekber.kyc;

import static id.rekber.kyc.KycFixtures.JPEG;
import static id.rekber.kyc.KycFixtures.PNG;
import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.identity.AppUserRepository;
import id.rekber.inbox.Inbox;
import id.rekber.inbox.StaffTask;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kyc-approval on the embedded engine: each automated check failing, each DMN outcome, each officer
 * decision through the REST inbox as the compliance user, resubmission reminder and expiry by
 * moving the clock, and the personal data encrypted in PostgreSQL and masked in every answer.
 */
@IntegrationTest
class KycApprovalTest {
  @LocalServerPort int port;
  @Autowired id.rekber.singlenode.EmbeddedKeycloak keycloak;
  @Autowired JdbcTemplate jdbc;
  @Autowired TimeMachine time;
  @Autowired KycCaseContext caseContext;
  @Autowired KycRetention retention;
  @Autowired AppUserRepository users;
  @Autowired Inbox inbox;
  @Autowired io.camunda.client.CamundaClient client;
  @Autowired KycRecovery recovery;
  @Autowired KycSubmissionRepository submissions;

  @Test
  void cleanDataIsApprovedAutomaticallyAndTheMemberMaySellAtOnce() {
    String member = KycFixtures.newMember(keycloakDir(), "Andi", "Wijaya");
    String account = KycFixtures.newAccountNumber();
    // The bank writes the holder with title and degree; the fuzzy match still counts it as the same person.
    KycFixtures.openBankAccount(port, "BCA", account, "H. ANDI WIJAYA, S.E.");
    Deals deals = new Deals(port);
    ApiClient.Response refused = deals.as(member).post("/api/deals", Deals.terms("SELLER", 100_000, BUDI));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("limit.seller-needs-kyc");

    Map<String, String> form = KycFixtures.cleanForm("Andi Wijaya", account);
    ApiClient.Response submitted = KycFixtures.submit(port, member, form, JPEG, PNG);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    assertThat(submitted.body()).doesNotContain(form.get("nik")).doesNotContain(account);

    awaitStatus(member, "APPROVED");
    JsonNode me = KycFixtures.me(port, member);
    assertThat(me.get("kycTier").asInt()).isEqualTo(1);
    assertThat(me.get("canSell").asBoolean()).isTrue();
    String nik = form.get("nik");
    assertThat(me.at("/submission/nik").asText()).isEqualTo(nik.substring(0, 4) + "********" + nik.substring(12));
    assertThat(me.at("/submission/bankAccountNumber").asText()).isEqualTo("******" + account.substring(6));
    assertThat(me.at("/submission/birthDate").asText()).isEqualTo("****-**-**");
    assertThat(me.toString()).doesNotContain(nik).doesNotContain(account).doesNotContain("1990-08-17");
    JsonNode profile = ApiClient.as(port, member).get("/api/me").json();
    assertThat(profile.get("kycTier").asInt()).isEqualTo(1);
    assertThat(profile.get("payoutAccount").asText()).contains("••••" + account.substring(6)).doesNotContain(account).contains("H. ANDI WIJAYA, S.E.");

    // At rest: ciphertext only, with the key id; the plain NIK and account number are nowhere.
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT s.nik_enc, s.birth_date_enc, s.bank_account_enc, u.bank_account_number FROM kyc_submission s JOIN app_user u ON u.id = s.user_id WHERE u.email = ?", member);
    assertThat(new String((byte[]) row.get("nik_enc"), StandardCharsets.ISO_8859_1)).doesNotContain(nik).contains("demo-2026-1");
    assertThat(new String((byte[]) row.get("birth_date_enc"), StandardCharsets.ISO_8859_1)).doesNotContain("1990-08-17");
    assertThat(new String((byte[]) row.get("bank_account_enc"), StandardCharsets.ISO_8859_1)).doesNotContain(account);
    assertThat((String) row.get("bank_account_number")).startsWith("pdp1:").doesNotContain(account);
    assertThat(jdbc.queryForList("SELECT content_enc FROM kyc_document d JOIN kyc_submission s ON s.id = d.submission_id JOIN app_user u ON u.id = s.user_id WHERE u.email = ?", byte[].class, member))
        .hasSize(2).noneMatch(bytes -> startsWith(bytes, JPEG) || startsWith(bytes, PNG));
    // The demo members' payout accounts from the V4 seed were encrypted at startup.
    assertThat(jdbc.queryForObject("SELECT bank_account_number FROM app_user WHERE email = ?", String.class, BUDI)).startsWith("pdp1:");

    assertThat(mailSubjects(member)).anyMatch(s -> s.contains("terverifikasi"));
    KycFixtures.verifyPhone(port, member);
    assertThat(deals.as(member).post("/api/deals", Deals.terms("SELLER", 100_000, BUDI)).status()).isEqualTo(201);

    // Once verified, payouts go only to accounts in the verified name.
    ApiClient.Response foreign = ApiClient.as(port, member).put("/api/me/payout-account", Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountName", "Andi Wijaya"));
    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.json().get("code").asText()).isEqualTo("kyc.payout-account.not-own");
    ApiClient.Response unknown = ApiClient.as(port, member).put("/api/me/payout-account", Map.of("bankCode", "BCA", "accountNumber", KycFixtures.newAccountNumber(), "accountName", "Andi Wijaya"));
    assertThat(unknown.json().get("code").asText()).isEqualTo("kyc.payout-account.not-found");
    String second = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "MANDIRI", second, "ANDI WIJAYA");
    assertThat(ApiClient.as(port, member).put("/api/me/payout-account", Map.of("bankCode", "MANDIRI", "accountNumber", second, "accountName", "x")).status()).isEqualTo(200);
  }

  @Test
  void aNikThatDoesNotMatchTheGenderIsRejected() {
    String member = KycFixtures.newMember(keycloakDir(), "Bayu", "Saputra");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "BAYU SAPUTRA");
    Map<String, String> form = KycFixtures.cleanForm("Bayu Saputra", account);
    form.put("nik", KycFixtures.nik("170890", true)); // a woman's NIK (day 57) for a man

    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(202);

    JsonNode me = awaitStatus(member, "REJECTED");
    assertThat(me.at("/submission/decisionNote").asText()).isEqualTo("NIK_INVALID");
    assertThat(me.get("kycTier").asInt()).isZero();
    assertThat(checkResults(member).at("/nik/problems/0").asText()).isEqualTo("GENDER_MISMATCH");
    assertThat(mailBodies(member)).anyMatch(b -> b.contains("NIK tidak valid"));
  }

  @Test
  void anAccountTheBankDoesNotKnowIsRejected() {
    String member = KycFixtures.newMember(keycloakDir(), "Citra", "Lestari");
    Map<String, String> form = KycFixtures.cleanForm("Citra Lestari", KycFixtures.newAccountNumber());
    form.put("gender", "F");
    form.put("nik", KycFixtures.nik("170890", true));

    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(202);

    assertThat(awaitStatus(member, "REJECTED").at("/submission/decisionNote").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
    assertThat(checkResults(member).at("/accountHolder/match").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void blocklistedAccountsAndPhonesAreRejectedAndOnlyAdminsKeepTheList() {
    String account = KycFixtures.newAccountNumber();
    Map<String, Object> entry = Map.of("kind", "BANK_ACCOUNT", "bankCode", "BCA", "value", account, "reason", "Dilaporkan penipuan di cekrekening");
    assertThat(ApiClient.as(port, COMPLIANCE).post("/api/admin/blocklist", entry).status()).isEqualTo(403);
    ApiClient.Response added = ApiClient.as(port, ADMIN).post("/api/admin/blocklist", entry);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.body()).doesNotContain(account).contains(account.substring(6));
    assertThat(ApiClient.as(port, ADMIN).post("/api/admin/blocklist", entry).status()).isEqualTo(409);
    ApiClient.Response bad = ApiClient.as(port, ADMIN).post("/api/admin/blocklist", Map.of("kind", "PHONE", "value", "12", "reason", "x"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'BLOCKLIST_ADD' AND actor = ? AND object_id = ?", Integer.class,
        ADMIN, added.json().get("id").asText())).isEqualTo(1);

    String member = KycFixtures.newMember(keycloakDir(), "Dedi", "Kurniawan");
    KycFixtures.openBankAccount(port, "BCA", account, "DEDI KURNIAWAN");
    assertThat(KycFixtures.submit(port, member, KycFixtures.cleanForm("Dedi Kurniawan", account), JPEG, JPEG).status()).isEqualTo(202);
    assertThat(awaitStatus(member, "REJECTED").at("/submission/decisionNote").asText()).isEqualTo("BLOCKLISTED");

    Map<String, String> form = KycFixtures.cleanForm("Eko Prasetyo", KycFixtures.newAccountNumber());
    KycFixtures.openBankAccount(port, "BCA", form.get("bankAccountNumber"), "EKO PRASETYO");
    assertThat(ApiClient.as(port, ADMIN).post("/api/admin/blocklist", Map.of("kind", "PHONE", "value", form.get("phone"), "reason", "Nomor penipu")).status()).isEqualTo(201);
    String phoneMember = KycFixtures.newMember(keycloakDir(), "Eko", "Prasetyo");
    assertThat(KycFixtures.submit(port, phoneMember, form, JPEG, JPEG).status()).isEqualTo(202);
    assertThat(awaitStatus(phoneMember, "REJECTED").at("/submission/decisionNote").asText()).isEqualTo("BLOCKLISTED");
    assertThat(checkResults(phoneMember).at("/blocklist/phoneListed").asBoolean()).isTrue();
  }

  @Test
  void aDuplicateNikGoesToComplianceWhoSeesEverythingAuditedAndApproves() throws Exception {
    String first = KycFixtures.newMember(keycloakDir(), "Fajar", "Nugroho");
    String firstAccount = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", firstAccount, "FAJAR NUGROHO");
    Map<String, String> form = KycFixtures.cleanForm("Fajar Nugroho", firstAccount);
    assertThat(KycFixtures.submit(port, first, form, JPEG, JPEG).status()).isEqualTo(202);
    awaitStatus(first, "APPROVED");

    String second = KycFixtures.newMember(keycloakDir(), "Fajar", "Nugroho");
    String secondAccount = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BRI", secondAccount, "FAJAR NUGROHO");
    form.put("bankCode", "BRI");
    form.put("bankAccountNumber", secondAccount);
    assertThat(KycFixtures.submit(port, second, form, JPEG, PNG).status()).isEqualTo(202);
    awaitStatus(second, "IN_REVIEW");

    JsonNode task = awaitReviewTask(second);
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("compliance");
    assertThat(task.get("formId").asText()).isEqualTo("kyc-review");
    assertThat(task.get("dueAt").isNull()).isFalse();
    assertThat(ApiClient.as(port, MEDIATOR).get("/api/inbox/tasks").body()).doesNotContain(submissionId(second));

    // The case panel: the only place with the full NIK, and the view is audited.
    StaffTask userTask = inboxTask(task.get("key").asLong());
    Map<String, Object> panel = caseContext.model(userTask, users.findByEmail(COMPLIANCE).orElseThrow());
    assertThat(panel.get("kycNik")).isEqualTo(form.get("nik"));
    assertThat(panel.get("kycBankAccount")).isEqualTo(secondAccount);
    assertThat(panel.get("kycRiskReasons")).isEqualTo(List.of("DUPLICATE_NIK"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'KYC_VIEW_FULL' AND actor = ? AND object_id = ?", Integer.class,
        COMPLIANCE, submissionId(second))).isEqualTo(1);
    // The task's own variables hold ids and decision data, never the NIK.
    assertThat(task.get("variablesJson").asText()).doesNotContain(form.get("nik")).doesNotContain(secondAccount);
    // The facts the kyc-review form shows in Tasklist are masked (decision 28).
    JsonNode facts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(task.get("variablesJson").asText());
    assertThat(facts.get("caseApplicant").asText()).isEqualTo("F**** N******");
    assertThat(facts.get("caseNik").asText()).isEqualTo(id.rekber.privacy.Masking.nik(form.get("nik"))).isNotEqualTo(form.get("nik"));
    assertThat(facts.get("caseRisk").asText()).contains("MANUAL_REVIEW").contains("DUPLICATE_NIK");
    assertThat(facts.get("caseUrl").asText()).endsWith("/staff/cases/" + userTask.getProcessInstanceKey());
    assertThat(task.get("variablesJson").asText()).doesNotContain("Fajar").doesNotContain("Nugroho");

    complete(task, Map.of("reviewDecision", "APPROVE", "reviewNote", "Akun lama milik orang yang sama"), 204);

    assertThat(awaitStatus(second, "APPROVED").get("kycTier").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT decided_by FROM kyc_submission WHERE id = ?", String.class, UUID.fromString(submissionId(second)))).isEqualTo(COMPLIANCE);
    // This submission's decision, by this officer, once (other tests' approvals are other rows).
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'KYC_REVIEW_APPROVE' AND actor = ? AND object_id = ?", Integer.class,
        COMPLIANCE, submissionId(second))).isEqualTo(1);
  }

  @Test
  void aPartialNameMatchIsRejectedByTheOfficerWithAReasonAndDeletedAfterRetention() {
    String member = KycFixtures.newMember(keycloakDir(), "Siti", "Aminah");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "SITI AMINAH");
    Map<String, String> form = KycFixtures.cleanForm("Siti Aminah Putri", account);
    form.put("gender", "F");
    form.put("nik", KycFixtures.nik("170890", true));
    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(202);
    awaitStatus(member, "IN_REVIEW");
    JsonNode task = awaitReviewTask(member);

    ApiClient.Response noReason = complete(task, Map.of("reviewDecision", "REJECT"), 400);
    assertThat(noReason.json().at("/errors/reviewNote").asText()).contains("alasan");
    complete(task, Map.of("reviewDecision", "MAYBE", "reviewNote", "Tidak yakin sama sekali"), 400);
    complete(task, Map.of("reviewDecision", "REJECT", "reviewNote", "Rekening bukan atas nama Anda sendiri"), 204);

    JsonNode me = awaitStatus(member, "REJECTED");
    assertThat(me.at("/submission/decisionNote").asText()).isEqualTo("Rekening bukan atas nama Anda sendiri");
    assertThat(mailBodies(member)).anyMatch(b -> b.contains("Rekening bukan atas nama Anda sendiri"));

    UUID id = UUID.fromString(submissionId(member));
    retention.purgeExpiredPersonalData();
    assertThat(jdbc.queryForObject("SELECT nik_enc IS NOT NULL FROM kyc_submission WHERE id = ?", Boolean.class, id)).isTrue();
    time.advance(Duration.ofDays(31));
    assertThat(retention.purgeExpiredPersonalData()).isPositive();
    Map<String, Object> purged = jdbc.queryForMap("SELECT nik_enc, birth_date_enc, bank_account_enc, phone, purged_at, status, nik_masked FROM kyc_submission WHERE id = ?", id);
    assertThat(purged.get("nik_enc")).isNull();
    assertThat(purged.get("birth_date_enc")).isNull();
    assertThat(purged.get("bank_account_enc")).isNull();
    assertThat(purged.get("phone")).isNull();
    assertThat(purged.get("purged_at")).isNotNull();
    assertThat(purged.get("status")).isEqualTo("REJECTED");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM kyc_document WHERE submission_id = ?", Integer.class, id)).isZero();
  }

  @Test
  void aNameMismatchIsSentBackRemindedAfterFiveDaysAndApprovedAfterResubmission() {
    String member = KycFixtures.newMember(keycloakDir(), "Gilang", "Ramadhan");
    String wrong = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", wrong, "BAMBANG HARIYANTO");
    Map<String, String> form = KycFixtures.cleanForm("Gilang Ramadhan", wrong);
    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(202);
    awaitStatus(member, "IN_REVIEW");
    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(409);

    complete(awaitReviewTask(member), Map.of("reviewDecision", "RESUBMIT", "reviewNote", "Gunakan rekening atas nama Anda sendiri"), 204);
    JsonNode me = awaitStatus(member, "RESUBMISSION_REQUESTED");
    assertThat(me.at("/submission/resubmitBy").isNull()).isFalse();
    awaitMail(member, "Mohon kirim ulang");

    time.advance(Duration.ofDays(5).plusHours(1));
    awaitMail(member, "Pengingat");

    String right = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", right, "GILANG RAMADHAN");
    form.put("bankAccountNumber", right);
    assertThat(KycFixtures.submit(port, member, form, JPEG, JPEG).status()).isEqualTo(202);
    assertThat(awaitStatus(member, "APPROVED").get("kycTier").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM kyc_submission s JOIN app_user u ON u.id = s.user_id WHERE u.email = ?", Integer.class, member)).isEqualTo(1);
  }

  @Test
  void aResubmissionNobodySendsExpiresAfterSevenDays() {
    String member = KycFixtures.newMember(keycloakDir(), "Hendra", "Gunawan");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "HENDRA");
    assertThat(KycFixtures.submit(port, member, KycFixtures.cleanForm("Hendra Gunawan", account), JPEG, JPEG).status()).isEqualTo(202);
    awaitStatus(member, "IN_REVIEW");
    complete(awaitReviewTask(member), Map.of("reviewDecision", "RESUBMIT", "reviewNote", "Foto KTP buram, kirim ulang"), 204);
    awaitStatus(member, "RESUBMISSION_REQUESTED");

    time.advance(Duration.ofDays(7).plusHours(1));

    JsonNode me = awaitStatus(member, "EXPIRED");
    assertThat(me.get("kycTier").asInt()).isZero();
    awaitMail(member, "kedaluwarsa");
    // Expired, the member may start again.
    assertThat(KycFixtures.submit(port, member, KycFixtures.cleanForm("Hendra Gunawan", account), JPEG, JPEG).status()).isEqualTo(202);
  }

  @Test
  void anOfficerMayNotDecideTheirOwnSubmission() {
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "SOMEONE ELSE");
    // The compliance demo user applies for KYC as a member would (a name mismatch: manual review).
    ApiClient.Response own = KycFixtures.submit(port, COMPLIANCE, KycFixtures.cleanForm("Compliance Demo", account), JPEG, JPEG);
    assertThat(own.status()).as(own.toString()).isEqualTo(202);
    awaitStatus(COMPLIANCE, "IN_REVIEW");
    JsonNode task = awaitReviewTask(COMPLIANCE);

    ApiClient.Response refused = complete(task, Map.of("reviewDecision", "APPROVE"), 403);
    assertThat(refused.json().get("code").asText()).isEqualTo("kyc.officer-is-applicant");
    assertThat(ApiClient.as(port, COMPLIANCE).post("/api/inbox/tasks/" + task.get("key").asLong() + "/claim", Map.of()).status()).isEqualTo(403);
    assertThat(KycFixtures.me(port, COMPLIANCE).at("/submission/status").asText()).isEqualTo("IN_REVIEW");
  }

  @Test
  void uploadsAreJudgedByTheirContentAndNothingIsStoredOnBadInput() {
    String member = KycFixtures.newMember(keycloakDir(), "Indah", "Permata");
    Map<String, String> form = KycFixtures.cleanForm("Indah Permata", KycFixtures.newAccountNumber());
    byte[] pdf = "%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII);
    byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(JPEG, 0, tooLarge, 0, JPEG.length);

    ApiClient.Response wrongType = KycFixtures.submit(port, member, form, pdf, null);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/errors/ktpPhoto").asText()).isEqualTo("Foto harus berupa JPEG atau PNG.");
    assertThat(wrongType.json().at("/errors/selfie").asText()).isEqualTo("Pilih foto.");

    ApiClient.Response large = KycFixtures.submit(port, member, form, JPEG, tooLarge);
    assertThat(large.status()).isEqualTo(400);
    assertThat(large.json().at("/errors/selfie").asText()).contains("5 MB");

    Map<String, String> badFields = new HashMap<>(form);
    badFields.put("nik", "12345");
    badFields.put("phone", "12");
    badFields.put("birthDate", "2020-01-01");
    JsonNode errors = KycFixtures.submit(port, member, badFields, JPEG, JPEG).json().get("errors");
    assertThat(errors.fieldNames()).toIterable().containsExactlyInAnyOrder("nik", "phone", "birthDate");

    assertThat(jdbc.queryForObject("SELECT count(*) FROM kyc_submission s JOIN app_user u ON u.id = s.user_id WHERE u.email = ?", Integer.class, member)).isZero();
  }

  @Test
  void membersDownloadTheirOwnDataInFullAndTheExportIsAudited() {
    String member = KycFixtures.newMember(keycloakDir(), "Joko", "Widodo");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "JOKO WIDODO");
    Map<String, String> form = KycFixtures.cleanForm("Joko Widodo", account);
    assertThat(KycFixtures.submit(port, member, form, JPEG, PNG).status()).isEqualTo(202);
    awaitStatus(member, "APPROVED");

    ApiClient.Response export = ApiClient.as(port, member).get("/api/kyc/me/export");
    assertThat(export.status()).isEqualTo(200);
    JsonNode submission = export.json().get("submissions").get(0);
    assertThat(submission.get("nik").asText()).isEqualTo(form.get("nik"));
    assertThat(submission.get("bankAccountNumber").asText()).isEqualTo(account);
    assertThat(submission.get("birthDate").asText()).isEqualTo("1990-08-17");
    assertThat(submission.get("documents")).hasSize(2);
    assertThat(export.json().at("/payoutAccount/accountNumber").asText()).isEqualTo(account);
    String userId = jdbc.queryForObject("SELECT id::text FROM app_user WHERE email = ?", String.class, member);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'KYC_EXPORT' AND actor = ? AND object_id = ?", Integer.class,
        member, userId)).isEqualTo(1);
    // Someone else's data is not reachable: the export is always the caller's own.
    assertThat(ApiClient.as(port, SARI).get("/api/kyc/me/export").body()).doesNotContain(form.get("nik"));
  }

  @Test
  void aReviewLostWithTheInMemoryEngineIsRebuiltFromPostgresql() {
    String member = KycFixtures.newMember(keycloakDir(), "Nanda", "Putra");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, "NANDA");
    assertThat(KycFixtures.submit(port, member, KycFixtures.cleanForm("Nanda Putra", account), JPEG, JPEG).status()).isEqualTo(202);
    awaitStatus(member, "IN_REVIEW");
    JsonNode lost = awaitReviewTask(member);
    UUID id = UUID.fromString(submissionId(member));

    // What a restart of the single-node engine does: the instance is gone, its inbox task is closed.
    client.newCancelInstanceCommand(jdbc.queryForObject("SELECT process_instance_key FROM kyc_submission WHERE id = ?", Long.class, id)).send().join();
    jdbc.update("UPDATE user_task SET status = 'CANCELED' WHERE job_key = ?", lost.get("key").asLong());
    recovery.resume(submissions.findById(id).orElseThrow());

    JsonNode rebuilt = awaitReviewTask(member);
    assertThat(rebuilt.get("key").asLong()).isNotEqualTo(lost.get("key").asLong());
    assertThat(rebuilt.get("variablesJson").asText()).contains("NAME_PARTIAL_MATCH");
    complete(rebuilt, Map.of("reviewDecision", "APPROVE"), 204);
    assertThat(awaitStatus(member, "APPROVED").get("kycTier").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT decided_by FROM kyc_submission WHERE id = ?", String.class, id)).isEqualTo(COMPLIANCE);
  }

  // --- helpers ---

  private String keycloakDir() {
    return keycloak.logFile().getParent().toString();
  }

  private JsonNode awaitStatus(String member, String status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(KycFixtures.me(port, member).at("/submission/status").asText()).isEqualTo(status));
    return KycFixtures.me(port, member);
  }

  private String submissionId(String member) {
    return KycFixtures.me(port, member).at("/submission/id").asText();
  }

  private JsonNode checkResults(String member) {
    try {
      String json = jdbc.queryForObject("SELECT check_results FROM kyc_submission WHERE id = ?", String.class, UUID.fromString(submissionId(member)));
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode awaitReviewTask(String member) {
    String id = submissionId(member);
    JsonNode[] found = new JsonNode[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (JsonNode t : ApiClient.as(port, COMPLIANCE).get("/api/inbox/tasks").json()) {
        if ("kyc-approval".equals(t.path("processId").asText()) && t.path("variablesJson").asText().contains(id)) {
          found[0] = t;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private ApiClient.Response complete(JsonNode task, Map<String, Object> decision, int expected) {
    ApiClient.Response r = ApiClient.as(port, COMPLIANCE).post("/api/inbox/tasks/" + task.get("key").asLong() + "/complete", decision);
    assertThat(r.status()).as(r.toString()).isEqualTo(expected);
    return r;
  }

  private StaffTask inboxTask(long key) {
    return inbox.task(key, List.of("compliance"));
  }

  private List<String> mailSubjects(String member) {
    return jdbc.queryForList("SELECT subject FROM notification_outbox WHERE recipient = ? ORDER BY id", String.class, member);
  }

  private List<String> mailBodies(String member) {
    return jdbc.queryForList("SELECT body FROM notification_outbox WHERE recipient = ? ORDER BY id", String.class, member);
  }

  private void awaitMail(String member, String subjectPart) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mailSubjects(member).stream().anyMatch(s -> s.contains(subjectPart)));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    for (int i = 0; i < 8; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
