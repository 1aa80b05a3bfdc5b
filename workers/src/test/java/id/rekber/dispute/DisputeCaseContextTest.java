package id.rekber.dispute;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.inbox.CaseContext;
import id.rekber.inbox.FormValidator;
import id.rekber.inbox.Inbox;
import id.rekber.inbox.StaffTask;
import id.rekber.platform.DeployedModels;
import id.rekber.support.ApiClient;
import id.rekber.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mediator's side: the case panel the inbox shows, who may not decide, the cross-field rules
 * of a split, and the form round trip from the form's JSON to the process's variables.
 */
@IntegrationTest
class DisputeCaseContextTest {
  @LocalServerPort int port;
  @Autowired List<CaseContext> contexts;
  @Autowired Inbox inbox;
  @Autowired AppUserRepository users;
  @Autowired DeployedModels models;
  @Autowired FormValidator forms;
  @Autowired TemplateEngine templates;
  @Autowired JdbcTemplate jdbc;

  @Test
  void oneCaseContextShowsTheWholeCaseRefusesPartiesAndChecksTheSplit() {
    Disputes disputes = new Disputes(port);
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    JsonNode inboxTask = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    StaffTask task = inbox.task(inboxTask.get("key").asLong(), List.of("mediator"));

    List<CaseContext> dispute = contexts.stream().filter(c -> c.supports("dispute-mediation")).toList();
    assertThat(dispute).hasSize(1);
    CaseContext context = dispute.get(0);
    assertThat(context.fragment()).isEqualTo("dispute/case :: panel");

    AppUser mediator = users.findByEmail(MEDIATOR).orElseThrow();
    AppUser buyer = users.findByEmail(BUDI).orElseThrow();
    AppUser seller = users.findByEmail(SARI).orElseThrow();
    // A mediator or admin who is buyer or seller in the deal may not decide it.
    assertThat(context.refusal(task, buyer)).hasValue("dispute.mediator-is-party");
    assertThat(context.refusal(task, seller)).hasValue("dispute.mediator-is-party");
    assertThat(context.refusal(task, mediator)).isEmpty();

    long splittable = disputes.deals.get(BUDI, id).get("buyerPays").asLong() - disputes.deals.get(BUDI, id).get("fee").asLong();
    assertThat(context.validate(task, Map.of("outcome", "SPLIT", "buyerAmount", 1000, "sellerAmount", splittable - 1000, "reason", "x")))
        .isEmpty();
    assertThat(context.validate(task, Map.of("outcome", "SPLIT", "buyerAmount", 1000, "sellerAmount", splittable, "reason", "x")))
        .containsEntry("buyerAmount", "dispute.split-sum").containsEntry("sellerAmount", "dispute.split-sum");
    assertThat(context.validate(task, Map.of("outcome", "SPLIT", "buyerAmount", 0, "sellerAmount", splittable)))
        .containsEntry("buyerAmount", "dispute.split-part-positive");
    assertThat(context.validate(task, Map.of("outcome", "SPLIT", "buyerAmount", "12.5", "sellerAmount", splittable)))
        .containsKey("buyerAmount");
    assertThat(context.validate(task, Map.of("outcome", "RELEASE", "reason", "x"))).isEmpty();

    // The panel renders the deal, its ledger lines and the timeline, and the view is audited.
    Context model = new Context(Locale.ENGLISH);
    model.setVariables(context.model(task, mediator));
    model.setVariable("task", task);
    String html = templates.process("dispute/case", Set.of("panel"), model);
    assertThat(html).contains(id).contains("Sepatu lari bekas").contains("ESCROW_HELD").contains("opened the dispute")
        .contains(Disputes.REASON).contains("contested the claim").contains("Rp " );
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'dispute.case-viewed' AND object_id = ?", Integer.class, id))
        .isEqualTo(1);
  }

  @Test
  void theMediatorFormRoundTripsFromItsJsonToTheProcess() throws Exception {
    Disputes disputes = new Disputes(port);
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    // The seller's form: its own rules hold on the server, and nothing changes on bad input.
    ApiClient.Response bad = disputes.as(SARI).inLanguage("en").post("/api/deals/" + id + "/dispute/response", Map.of("sellerResponse", "MAYBE"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").has("sellerResponse")).isTrue();
    assertThat(bad.json().get("errors").get("note").asText()).isEqualTo("Required.");
    ApiClient.Response tooMuch = disputes.as(SARI).post("/api/deals/" + id + "/dispute/response",
        Map.of("sellerResponse", "OFFER", "offerAmount", 10_000_000, "note", "Saya kembalikan sebagian."));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().get("errors").has("offerAmount")).isTrue();
    assertThat(disputes.dispute(BUDI, id).get("stageAnswered").asBoolean()).isFalse();
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));

    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    long key = task.get("key").asLong();
    // Form JSON: what the mediator fills in, by the form's own keys.
    JsonNode form = new ObjectMapper().readTree(models.formById("mediator-decision").orElseThrow().schema());
    Map<String, Object> submitted = new LinkedHashMap<>();
    long splittable = disputes.deals.get(BUDI, id).get("buyerPays").asLong() - disputes.deals.get(BUDI, id).get("fee").asLong();
    for (JsonNode component : form.get("components")) {
      switch (component.path("key").asText()) {
        case "outcome" -> submitted.put("outcome", component.get("values").get(2).get("value").asText());
        case "buyerAmount" -> submitted.put("buyerAmount", 25_000);
        case "sellerAmount" -> submitted.put("sellerAmount", splittable - 25_000);
        case "reason" -> submitted.put("reason", Disputes.DECISION_REASON);
        default -> {}
      }
    }
    assertThat(submitted).containsEntry("outcome", "SPLIT").hasSize(4);
    assertThat(forms.validate(models.formById("mediator-decision").orElseThrow().schema(), Map.of("outcome", "SPLIT", "reason", "short")))
        .containsEntry("reason", "form.too-short");
    ApiClient.Response noReason = disputes.decide(MEDIATOR, key, Map.of("outcome", "RELEASE"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").has("reason")).isTrue();

    assertThat(disputes.decide(MEDIATOR, key, submitted).status()).isEqualTo(204);
    // Submitted variables → process variables → the dispute's recorded outcome and the ledger.
    disputes.deals.awaitStatus(BUDI, id, "SELESAI");
    JsonNode settled = disputes.dispute(BUDI, id);
    assertThat(settled.get("outcome").asText()).isEqualTo("SPLIT");
    assertThat(settled.get("buyerAmount").asLong()).isEqualTo(25_000);
    assertThat(settled.get("sellerAmount").asLong()).isEqualTo(splittable - 25_000);
    assertThat(jdbc.queryForObject("SELECT submitted FROM user_task WHERE job_key = ?", String.class, key)).contains("\"outcome\":\"SPLIT\"");
  }

  /** Through the REST inbox: the split's cross-field rule holds, and nothing moves on bad input. */
  @Test
  void theInboxRefusesABadSplitOverRest() {
    Disputes disputes = new Disputes(port);
    String id = disputes.disputedDeal(SARI, BUDI, 200_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    long key = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision").get("key").asLong();
    ApiClient.Response bad = disputes.decide(MEDIATOR, key,
        Map.of("outcome", "SPLIT", "buyerAmount", 1000, "sellerAmount", 1000, "reason", Disputes.DECISION_REASON));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").has("buyerAmount")).isTrue();
    assertThat(disputes.deals.get(BUDI, id).get("status").asText()).isEqualTo("SENGKETA");
    assertThat(disputes.ledgerKinds(BUDI, id)).containsExactly("PAYMENT", "PAYMENT");
  }
}
