package id.rekber.dispute;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.Rupiah;
import id.rekber.support.IntegrationTest;
import id.rekber.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the mediator task is created, the process holds the facts its form shows in Tasklist: the
 * deal, masked party names, the money, the deadline, the claim and the answer, and the link to the
 * case, which takes staff of the task's group to the console's task page.
 */
@IntegrationTest
class DisputeCaseFactsTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  Disputes disputes;

  @BeforeEach
  void setUp() {
    disputes = new Disputes(port);
  }

  @Test
  void theMediatorTaskCarriesTheCaseFactsWithMaskedNames() throws Exception {
    String id = disputes.disputedDeal(SARI, BUDI, 175_000);
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    JsonNode task = disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    JsonNode variables = json.readTree(task.get("variablesJson").asText());
    JsonNode deal = disputes.deals.get(BUDI, id);
    long instance = jdbc.queryForObject("SELECT process_instance_key FROM user_task WHERE job_key = ?", Long.class, task.get("key").asLong());

    assertThat(variables.get("caseItem").asText()).isEqualTo(deal.get("itemName").asText());
    String buyer = variables.get("caseBuyer").asText();
    String seller = variables.get("caseSeller").asText();
    assertThat(buyer).startsWith("B").contains("*").doesNotContain("Budi").doesNotContain("Santoso").doesNotContain("@");
    assertThat(seller).startsWith("S").contains("*").doesNotContain("Sari").doesNotContain("@");
    assertThat(variables.get("caseHeld").asText()).contains(Rupiah.format(deal.get("buyerPays").asLong()))
        .contains(Rupiah.format(deal.get("buyerPays").asLong() - deal.get("fee").asLong()));
    assertThat(variables.get("caseDeadline").asText()).endsWith("WIB");
    assertThat(variables.get("caseClaim").asText()).isEqualTo(Disputes.REASON);
    assertThat(variables.get("caseAnswer").asText()).isEqualTo("CONTEST: Ukuran sesuai pesanan, lihat foto.");
    assertThat(variables.get("caseUrl").asText()).endsWith("/staff/cases/dispute/" + id);

    WebSession mediator = WebSession.signIn(port, MEDIATOR);
    WebSession.Page page = mediator.get("/staff/cases/dispute/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/staff/tasks/" + task.get("key").asLong());
    assertThat(page.body()).contains(id);
    assertThat(mediator.get("/staff/cases/" + instance).uri().getPath()).isEqualTo("/staff/tasks/" + task.get("key").asLong());
    // Compliance officers are staff, but not of this task's group.
    assertThat(WebSession.signIn(port, COMPLIANCE).get("/staff/cases/dispute/" + id).status()).isEqualTo(403);
    assertThat(mediator.get("/staff/cases/1").status()).isEqualTo(404);
    assertThat(mediator.get("/staff/cases/dispute/RB-NOSUCH00").status()).isEqualTo(404);
  }
}
