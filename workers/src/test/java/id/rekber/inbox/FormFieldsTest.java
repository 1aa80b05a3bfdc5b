package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.ProcessHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The staff forms stand alone in Tasklist: their disabled fact fields are bound to variables that
 * the workers really set (a {@code put("key", …)} in the worker code), they link to the case in
 * Rekber, and none points at a panel Tasklist does not have. Read-only and disabled fields are never
 * validated nor recorded as the decider's submission.
 */
class FormFieldsTest {
  static final List<String> STAFF_FORMS = List.of("mediator-decision", "kyc-review", "failed-payout-review");
  static final Map<String, String> WORKER_OF_FORM = Map.of(
      "mediator-decision", "dispute/DisputeCaseFacts.java",
      "kyc-review", "kyc/KycOutcomes.java",
      "failed-payout-review", "payment/PayoutWorker.java");
  static final Pattern PUT = Pattern.compile("\\.put\\(\"([A-Za-z]+)\"");
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyDisabledFactFieldIsBoundToAVariableItsWorkerSets() throws IOException {
    for (String form : STAFF_FORMS) {
      List<String> facts = new ArrayList<>();
      walk(read(form), c -> {
        if (c.path("disabled").asBoolean(false)) {
          facts.add(c.path("key").asText());
        }
      });
      List<String> set = putKeys(WORKER_OF_FORM.get(form));
      assertThat(facts).as("disabled fields of %s", form).isNotEmpty().allSatisfy(key -> assertThat(set).as("variables set by %s", WORKER_OF_FORM.get(form)).contains(key));
      assertThat(set).as("%s sets the case link", WORKER_OF_FORM.get(form)).contains("caseUrl");
    }
  }

  @Test
  void everyStaffFormLinksToTheCaseAndNoneToAPanelBesideIt() throws IOException {
    for (String form : STAFF_FORMS) {
      StringBuilder texts = new StringBuilder();
      walk(read(form), c -> texts.append(c.path("text").asText("")).append('\n'));
      assertThat(texts.toString()).as(form).contains("]({{caseUrl}})");
    }
    try (Stream<Path> files = Files.list(ProcessHarness.modelsRoot().resolve("forms"))) {
      for (Path file : files.toList()) {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).doesNotContainIgnoringCase("beside this form").doesNotContain("di samping")
            .doesNotContain("panel kasus").doesNotContain("case panel");
      }
    }
  }

  @Test
  void readOnlyAndDisabledFieldsAreNeitherValidatedNorRecorded() throws IOException {
    String schema = json.writeValueAsString(read("mediator-decision"));
    Map<String, Object> posted = new TreeMap<>(Map.of("dealId", "RKB-X", "caseBuyer", "tampered", "caseItem", "x".repeat(5000),
        "outcome", "REFUND", "reason", "Foto pembeli menunjukkan ukuran 40; iklan menyebut 42.", "stageDeadline", "2026-01-01T00:00:00Z"));

    assertThat(new FormValidator(json).validate(schema, posted)).isEmpty();
    assertThat(new FormFields(json).submitted(schema, posted)).containsOnlyKeys("outcome", "reason");
    assertThat(new FormFields(json).inputKeys(schema)).containsExactly("outcome", "buyerAmount", "sellerAmount", "reason");
  }

  private JsonNode read(String formId) throws IOException {
    return json.readTree(ProcessHarness.modelsRoot().resolve("forms/" + formId + ".form").toFile());
  }

  private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
    for (JsonNode c : node.path("components")) {
      visit.accept(c);
      walk(c, visit);
    }
  }

  private static List<String> putKeys(String source) throws IOException {
    Matcher m = PUT.matcher(Files.readString(Path.of("src/main/java/id/rekber/" + source)));
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }
}
