package id.rekber.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.singlenode.SharedKeycloak;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test run's Keycloak as its administrator (the single-node bootstrap admin client, whose secret
 * lies in {@code <data-dir>/keycloak}): fresh members, and disabling or deleting them.
 */
public final class KeycloakAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String keycloakDir;

  /** @param keycloakDir {@code <rekber.single-node.data-dir>/keycloak} */
  public KeycloakAdmin(String keycloakDir) {
    this.keycloakDir = keycloakDir;
  }

  /** The Keycloak of the test run's application context (inject {@code EmbeddedKeycloak}). */
  public KeycloakAdmin(EmbeddedKeycloak keycloak) {
    this(keycloak.logFile().getParent().toString());
  }

  /** A new verified member, password "rekber-demo"; their Rekber profile appears on their first request. */
  public String newMember(String firstName, String lastName) {
    String email = firstName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@rekber.test";
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", email);
    user.put("email", email);
    user.put("emailVerified", true);
    user.put("enabled", true);
    user.put("firstName", firstName);
    user.put("lastName", lastName);
    user.put("attributes", Map.of("locale", List.of("id")));
    user.put("credentials", List.of(Map.of("type", "password", "value", ApiClient.PASSWORD, "temporary", false)));
    HttpResponse<String> created = send(admin("/users").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(user))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return email;
  }

  /** Keycloak's id of the user (the {@code sub} of their tokens). */
  public String idOf(String email) {
    HttpResponse<String> found = send(admin("/users?exact=true&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).GET());
    try {
      JsonNode users = JSON.readTree(found.body());
      assertThat(users).as(found.body()).hasSize(1);
      return users.get(0).get("id").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What an admin does in the console: switches the user's "Enabled" off (or on again). */
  public void setEnabled(String email, boolean enabled) {
    HttpResponse<String> updated = send(admin("/users/" + idOf(email)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
  }

  public void delete(String email) {
    HttpResponse<String> deleted = send(admin("/users/" + idOf(email)).DELETE());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(URI.create(SharedKeycloak.baseUrl() + "/admin/realms/rekber" + path)).header("Authorization", "Bearer " + adminToken());
  }

  private String adminToken() {
    try {
      String secret = Files.readString(Path.of(keycloakDir, "bootstrap-admin-client-secret")).strip();
      String form = "grant_type=client_credentials&client_id=rekber-single-node-admin&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
      HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(SharedKeycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
      return JSON.readTree(token.body()).get("access_token").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
