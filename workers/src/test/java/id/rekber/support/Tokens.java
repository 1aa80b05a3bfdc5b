package id.rekber.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.singlenode.SharedKeycloak;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test run's Keycloak (password grant on the rekber-cli client), cached. */
public final class Tokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

  private static volatile String keycloak;

  private Tokens() {}

  /** Tokens from this Keycloak instead of the one in this JVM (a child JVM's); null goes back. */
  public static void useKeycloak(String baseUrl) {
    keycloak = baseUrl;
    CACHE.clear();
  }

  public static String of(String email) {
    Token token = CACHE.get(email);
    if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(30))) {
      token = fetch(email, ApiClient.PASSWORD);
      CACHE.put(email, token);
    }
    return token.value();
  }

  /** A client-credentials token (a partner client), not cached. */
  public static String ofClient(String clientId, String secret) {
    String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create((keycloak != null ? keycloak : SharedKeycloak.baseUrl()) + "/realms/rekber/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token for client " + clientId + ": " + response.statusCode() + " " + response.body());
      }
      return JSON.readTree(response.body()).get("access_token").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw token endpoint answer for any credentials (for negative tests); staff send a fresh one-time code. */
  public static HttpResponse<String> request(String email, String password) {
    String base = keycloak != null ? keycloak : SharedKeycloak.baseUrl();
    return request(email, password, StaffOtp.isStaff(email) ? StaffOtp.code(base, email) : null);
  }

  /** The raw token endpoint answer, with this one-time code ({@code totp}) or none. */
  public static HttpResponse<String> request(String email, String password, String totp) {
    String form =
        "grant_type=password&client_id=rekber-cli&scope=openid&username=" + encode(email) + "&password=" + encode(password)
            + (totp == null ? "" : "&totp=" + encode(totp));
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create((keycloak != null ? keycloak : SharedKeycloak.baseUrl()) + "/realms/rekber/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Token fetch(String email, String password) {
    HttpResponse<String> response = request(email, password);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("no token for " + email + ": " + response.statusCode() + " " + response.body());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(body.get("expires_in").asLong()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record Token(String value, Instant expiresAt) {}
}
