package id.rekber.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a user Keycloak once vouched for still exists and is enabled. An access token stays valid
 * for its whole lifetime (5 minutes) even after an admin disables or deletes the user; this asks
 * Keycloak's Admin REST API ({@code GET /admin/realms/<realm>/users/<id>}: 404 when deleted, the
 * user's {@code enabled} flag otherwise) through the application's own service account, which needs
 * nothing but the {@code view-users} role of {@code realm-management}.
 *
 * <p>Each answer is remembered for {@code cacheFor}: at most one lookup per user in that time, and
 * concurrent requests of one user wait for the same lookup. When Keycloak cannot be asked (down,
 * slow, refusing the service account) the answer is {@link Status#UNKNOWN}, remembered only briefly
 * so that the next requests try again; what to do then is the caller's decision.
 */
class KeycloakUserStatus {
  enum Status {
    ACTIVE,
    INACTIVE,
    UNKNOWN
  }

  private static final Logger log = LoggerFactory.getLogger(KeycloakUserStatus.class);
  private static final Duration UNKNOWN_FOR = Duration.ofSeconds(2);
  private static final int MAX_ENTRIES = 50_000;

  private final URI tokenEndpoint;
  private final String usersEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final long cacheForNanos;
  private final long unknownForNanos;
  private final Duration timeout;
  private final LongSupplier ticker;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, CompletableFuture<Checked>> answers = new ConcurrentHashMap<>();
  private ServiceToken token;

  private record Checked(Status status, long at) {}

  private record ServiceToken(String value, long validUntil) {}

  /**
   * @param issuer the realm's issuer, {@code <keycloak>/realms/<realm>}
   * @param ticker nanosecond time source ({@code System::nanoTime}; tests pass their own)
   */
  KeycloakUserStatus(String issuer, UserCheckProperties properties, LongSupplier ticker) {
    int realms = issuer.lastIndexOf("/realms/");
    if (realms < 0) {
      throw new IllegalArgumentException("Not a Keycloak realm issuer: " + issuer);
    }
    String base = issuer.substring(0, realms);
    String realm = issuer.substring(realms + "/realms/".length()).replaceAll("/+$", "");
    this.tokenEndpoint = URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token");
    this.usersEndpoint = base + "/admin/realms/" + realm + "/users/";
    this.clientId = properties.clientId();
    this.clientSecret = properties.clientSecret();
    this.cacheForNanos = properties.cacheFor().toNanos();
    this.unknownForNanos = Math.min(cacheForNanos, UNKNOWN_FOR.toNanos());
    this.timeout = properties.timeout();
    this.ticker = ticker;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The user's status, from the last answer if it is recent enough, else from Keycloak. */
  Status of(String subject) {
    long now = ticker.getAsLong();
    CompletableFuture<Checked> mine = new CompletableFuture<>();
    CompletableFuture<Checked> current = answers.compute(subject, (s, known) -> known != null && (!known.isDone() || fresh(known.join(), now)) ? known : mine);
    if (current == mine) {
      Checked checked = new Checked(lookup(subject), ticker.getAsLong());
      mine.complete(checked);
      if (answers.size() > MAX_ENTRIES) {
        forgetOld();
      }
      return checked.status();
    }
    try {
      return current.get(timeout.toMillis() * 3, TimeUnit.MILLISECONDS).status();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Status.UNKNOWN;
    }
  }

  private boolean fresh(Checked checked, long now) {
    long age = now - checked.at();
    return age < (checked.status() == Status.UNKNOWN ? unknownForNanos : cacheForNanos);
  }

  private void forgetOld() {
    long now = ticker.getAsLong();
    answers.entrySet().removeIf(e -> e.getValue().isDone() && !fresh(e.getValue().join(), now));
  }

  private Status lookup(String subject) {
    try {
      HttpResponse<String> user = getUser(subject, serviceToken(false));
      if (user.statusCode() == 401) {
        user = getUser(subject, serviceToken(true)); // the service token expired or was revoked early
      }
      return switch (user.statusCode()) {
        case 200 -> json.readTree(user.body()).path("enabled").asBoolean(false) ? Status.ACTIVE : Status.INACTIVE;
        case 404 -> Status.INACTIVE; // deleted
        default -> {
          log.warn("Keycloak answered HTTP {} when asked about user {} (does {}'s service account have realm-management/view-users?)",
              user.statusCode(), subject, clientId);
          yield Status.UNKNOWN;
        }
      };
    } catch (IOException | RuntimeException e) {
      log.warn("Could not ask Keycloak whether user {} is still enabled: {}", subject, e.toString());
      return Status.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Status.UNKNOWN;
    }
  }

  private HttpResponse<String> getUser(String subject, String bearer) throws IOException, InterruptedException {
    URI uri = URI.create(usersEndpoint + URLEncoder.encode(subject, StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The service account's access token (client credentials grant), reused until shortly before it expires. */
  private synchronized String serviceToken(boolean renew) throws IOException, InterruptedException {
    long now = ticker.getAsLong();
    if (!renew && token != null && now < token.validUntil()) {
      return token.value();
    }
    String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(clientSecret == null ? "" : clientSecret, StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(tokenEndpoint).timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("Keycloak refused the service account " + clientId + ": HTTP " + response.statusCode() + " " + response.body());
    }
    JsonNode body = json.readTree(response.body());
    String value = body.path("access_token").asText(null);
    if (value == null) {
      throw new IOException("Keycloak gave the service account " + clientId + " no access token");
    }
    long lifetime = Duration.ofSeconds(Math.max(body.path("expires_in").asLong(60), 20)).minusSeconds(15).toNanos();
    token = new ServiceToken(value, now + lifetime);
    return value;
  }
}
