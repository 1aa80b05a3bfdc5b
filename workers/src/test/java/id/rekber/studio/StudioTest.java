package id.rekber.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process studio's refusals on the real engine, database and Keycloak: a draft that breaks the
 * code's contract is refused, FEEL and worker findings name their element, nobody reviews their own
 * draft. The approved path (a fee change, a restart, a rollback) is StudioJourneyTest.
 */
@IntegrationTest
class StudioTest {
  static final String ANALYST = "analyst@rekber.test";
  static final String ADMIN = "admin@rekber.test";
  static final String ADMIN2 = "admin2@rekber.test";
  static final String FEE = "escrow-fee.dmn";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  @Test
  void aDraftRemovingAnElementTheCodeNeedsIsRefused() {
    long current = newestKey("escrow-lifecycle.bpmn");
    String bpmn = download(current).replace("Gateway_AwaitPayment", "Gateway_WaitForMoney");
    long draft = createDraft(ANALYST, "escrow-lifecycle.bpmn", bpmn, current);

    ApiClient.Response refused = as(ANALYST).post("/api/studio/drafts/" + draft + "/submit", Map.of("reason", "rename"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("findings")).anySatisfy(f -> {
      assertThat(f.get("elementId").asText()).isEqualTo("Gateway_AwaitPayment");
      assertThat(f.get("check").asText()).isEqualTo("contract");
      assertThat(f.get("error").asBoolean()).isTrue();
    });
    assertThat(as(ANALYST).get("/api/studio/drafts/" + draft).json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(as(ANALYST).send("DELETE", "/api/studio/drafts/" + draft, null).status()).isEqualTo(204);
  }

  @Test
  void aDraftWithABrokenFeelExpressionOrAJobTypeWithoutWorkerShowsItBesideTheElement() {
    long current = newestKey("payout.bpmn");
    String bpmn = download(current).replaceFirst("zeebe:taskDefinition type=\"[^\"]*\"", "zeebe:taskDefinition type=\"nobody-works-this\"");
    long draft = createDraft(ANALYST, "payout.bpmn", bpmn, current);
    JsonNode findings = as(ANALYST).post("/api/studio/drafts/" + draft + "/check", null).json();
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("check").asText()).isEqualTo("worker");
      assertThat(f.get("elementId").asText()).startsWith("Task_");
    });
    long fee = newestKey(FEE);
    long feelDraft = createDraft(ANALYST, FEE, download(fee).replace("floor(amount * 0.025)", "floor(amount * )"), fee);
    assertThat(as(ANALYST).post("/api/studio/drafts/" + feelDraft + "/check", null).json()).anySatisfy(f -> {
      assertThat(f.get("check").asText()).isEqualTo("feel");
      assertThat(f.get("elementId").asText()).isEqualTo("Rule_PercentageFee");
    });
    assertThat(as(ANALYST).send("DELETE", "/api/studio/drafts/" + draft, null).status()).isEqualTo(204);
    assertThat(as(ANALYST).send("DELETE", "/api/studio/drafts/" + feelDraft, null).status()).isEqualTo(204);
    assertThat(as(ANALYST).get("/api/studio/drafts/" + feelDraft).json().get("status").asText()).isEqualTo("DISCARDED");
  }

  @Test
  void theAuthorCannotApproveTheirOwnDraftAndMembersCannotUseTheStudio() {
    long current = newestKey("kyc-risk.dmn");
    long draft = createDraft(ADMIN, "kyc-risk.dmn", download(current), current);
    ApiClient.Response submitted = as(ADMIN).post("/api/studio/drafts/" + draft + "/submit", Map.of("reason", "no change"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);

    ApiClient.Response own = as(ADMIN).post("/api/studio/drafts/" + draft + "/review", Map.of("approve", true, "reason", "mine"));
    assertThat(own.status()).as(own.toString()).isEqualTo(403);
    assertThat(own.json().get("code").asText()).isEqualTo("studio.own-draft");
    ApiClient.Response analyst = as(ANALYST).post("/api/studio/drafts/" + draft + "/review", Map.of("approve", true, "reason", "x"));
    assertThat(analyst.status()).isEqualTo(403);
    assertThat(as("budi@rekber.test").get("/api/studio/versions").status()).isEqualTo(403);
    assertThat(audit(draft)).contains("studio.review.refused");

    review(draft, ADMIN2, false, "nothing changes");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(as(ADMIN2).get("/api/studio/drafts/" + draft).json().get("status").asText()).isEqualTo("REJECTED"));
  }

  // ------------------------------------------------------------------ helpers

  long createDraft(String author, String resource, String content, long base) {
    Map<String, Object> body = new HashMap<>(Map.of("resourceName", resource, "content", content, "comment", "test"));
    body.put("baseKey", base);
    ApiClient.Response created = as(author).post("/api/studio/drafts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  void review(long draft, String admin, boolean approve, String reason) {
    // The review task reaches the inbox a moment after submission.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ApiClient.Response reviewed = as(admin).post("/api/studio/drafts/" + draft + "/review", Map.of("approve", approve, "reason", reason));
      assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(202);
    });
  }

  JsonNode newest(String resource) {
    JsonNode versions = as(ANALYST).get("/api/studio/versions?resourceName=" + resource).json();
    JsonNode newest = versions.get(0);
    for (JsonNode v : versions) {
      if (v.get("version").asInt() > newest.get("version").asInt()) {
        newest = v;
      }
    }
    return newest;
  }

  long newestKey(String resource) {
    return newest(resource).get("definitionKey").asLong();
  }

  String download(long key) {
    ApiClient.Response file = as(ANALYST).get("/api/studio/versions/" + key + "/download");
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    return file.body();
  }

  java.util.List<String> audit(long draft) {
    return jdbc.queryForList("SELECT action FROM audit_event WHERE object_type = 'studio-draft' AND object_id = ?", String.class,
        Long.toString(draft));
  }
}
