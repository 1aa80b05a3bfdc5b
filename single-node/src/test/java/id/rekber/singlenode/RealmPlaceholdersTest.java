package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The realm file keeps no secret; single-node mode fills in every placeholder it has. */
class RealmPlaceholdersTest {
  private static final Path REALM = Path.of("../keycloak-realm/rekber-realm.json");

  @Test
  void everyPlaceholderOfTheRealmFileHasASingleNodeValue() throws Exception {
    String resolved = RealmPlaceholders.resolve(Files.readString(REALM), RealmPlaceholders.forSingleNode(Map.of(), "127.0.0.1", 3025));
    assertThat(resolved).doesNotContain("${");
    JsonNode realm = new ObjectMapper().readTree(resolved);
    assertThat(secretOf(realm, "rekber-web")).isEqualTo("rekber-web-DEMO-ONLY-secret");
    assertThat(secretOf(realm, "rekber-app")).isEqualTo("rekber-app-DEMO-ONLY-secret");
    assertThat(secretOf(realm, "rekber-partner-demo")).isEqualTo("rekber-partner-DEMO-ONLY-secret");
    assertThat(secretOf(realm, "orchestration")).hasSizeGreaterThan(30).doesNotContain("DEMO");
    assertThat(secretOf(realm, "rekber-worker")).hasSizeGreaterThan(30).isNotEqualTo(secretOf(realm, "orchestration"));
  }

  @Test
  void theFileItselfHoldsOnlyPlaceholdersAsClientSecrets() throws Exception {
    for (JsonNode client : new ObjectMapper().readTree(REALM.toFile()).path("clients")) {
      if (client.has("secret")) {
        assertThat(client.path("secret").asText()).as(client.path("clientId").asText()).matches("\\$\\{REKBER_[A-Z_]+}");
      }
    }
  }

  @Test
  void theEnvironmentOverridesTheDemoSecrets() {
    Map<String, String> env = new HashMap<>();
    env.put("REKBER_OIDC_CLIENT_SECRET", "from-the-shell");
    env.put("REKBER_APP_CLIENT_SECRET", " ");
    Map<String, String> values = RealmPlaceholders.forSingleNode(env, "127.0.0.1", 4025);
    assertThat(values).containsEntry("REKBER_OIDC_CLIENT_SECRET", "from-the-shell")
        .containsEntry("REKBER_APP_CLIENT_SECRET", "rekber-app-DEMO-ONLY-secret")
        .containsEntry("REKBER_SMTP_PORT", "4025");
  }

  @Test
  void defaultsApplyAndAMissingValueIsRefused() {
    assertThat(RealmPlaceholders.resolve("${A:x} ${B}", Map.of("B", "$1\\"))).isEqualTo("x $1\\");
    assertThatThrownBy(() -> RealmPlaceholders.resolve("${NOPE}", Map.of())).hasMessageContaining("NOPE");
  }

  private static String secretOf(JsonNode realm, String clientId) {
    for (JsonNode client : realm.path("clients")) {
      if (clientId.equals(client.path("clientId").asText())) {
        return client.path("secret").asText();
      }
    }
    throw new AssertionError("no client " + clientId);
  }
}
