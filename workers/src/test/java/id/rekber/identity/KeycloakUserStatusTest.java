package id.rekber.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.rekber.identity.KeycloakUserStatus.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user check against a stand-in for Keycloak's token endpoint and Admin REST API: what each
 * answer means, one lookup per user per cache period, one service token for many lookups.
 */
class KeycloakUserStatusTest {
  private static final Duration CACHE_FOR = Duration.ofSeconds(15);

  private HttpServer keycloak;
  private final ExecutorService serverThreads = Executors.newFixedThreadPool(8);
  private final Map<String, Integer> statusOf = new ConcurrentHashMap<>();
  private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
  private final AtomicInteger userLookups = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger expireTokensBefore = new AtomicInteger();
  private final AtomicLong lookupDelayMillis = new AtomicLong();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private KeycloakUserStatus users;

  @BeforeEach
  void start() throws IOException {
    keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    keycloak.setExecutor(serverThreads);
    keycloak.createContext("/realms/rekber/protocol/openid-connect/token", exchange -> {
      int n = tokenRequests.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!body.contains("grant_type=client_credentials") || !body.contains("client_id=rekber-app") || !body.contains("client_secret=s3cret")) {
        answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        return;
      }
      answer(exchange, 200, "{\"access_token\":\"token-" + n + "\",\"expires_in\":300}");
    });
    keycloak.createContext("/admin/realms/rekber/users/", exchange -> {
      userLookups.incrementAndGet();
      String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer token-".length());
      if (Integer.parseInt(token) <= expireTokensBefore.get()) {
        answer(exchange, 401, "");
        return;
      }
      sleep(lookupDelayMillis.get());
      String id = exchange.getRequestURI().getPath().substring("/admin/realms/rekber/users/".length());
      int status = statusOf.getOrDefault(id, 404);
      answer(exchange, status, status == 200 ? "{\"id\":\"" + id + "\",\"enabled\":" + enabled.get(id) + "}" : "{}");
    });
    keycloak.start();
    String issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/rekber";
    users = new KeycloakUserStatus(issuer, new UserCheckProperties(true, "rekber-app", "s3cret", CACHE_FOR, Duration.ofSeconds(2)), now::get);
  }

  @AfterEach
  void stop() {
    keycloak.stop(0);
    serverThreads.shutdownNow();
  }

  private void user(String id, boolean isEnabled) {
    statusOf.put(id, 200);
    enabled.put(id, isEnabled);
  }

  @Test
  void enabledDisabledAndDeletedUsers() {
    user("budi", true);
    user("sari", false);
    statusOf.put("broken", 500);
    assertThat(users.of("budi")).isEqualTo(Status.ACTIVE);
    assertThat(users.of("sari")).as("disabled").isEqualTo(Status.INACTIVE);
    assertThat(users.of("gone")).as("deleted: 404").isEqualTo(Status.INACTIVE);
    assertThat(users.of("broken")).as("Keycloak failing").isEqualTo(Status.UNKNOWN);
  }

  @Test
  void oneLookupPerUserPerCachePeriod() {
    user("budi", true);
    for (int i = 0; i < 20; i++) {
      assertThat(users.of("budi")).isEqualTo(Status.ACTIVE);
      now.addAndGet(Duration.ofMillis(500).toNanos()); // 10 s in all
    }
    assertThat(userLookups).hasValue(1);

    enabled.put("budi", false); // an admin disables Budi
    assertThat(users.of("budi")).as("still the remembered answer").isEqualTo(Status.ACTIVE);
    now.addAndGet(CACHE_FOR.toNanos());
    assertThat(users.of("budi")).as("after the cache period").isEqualTo(Status.INACTIVE);
    assertThat(userLookups).hasValue(2);
    assertThat(users.of("budi")).isEqualTo(Status.INACTIVE);
    assertThat(userLookups).as("a refusal is remembered too").hasValue(2);
    assertThat(tokenRequests).as("one service token for all lookups").hasValue(1);
  }

  @Test
  void concurrentRequestsOfOneUserShareOneLookup() throws Exception {
    user("budi", true);
    lookupDelayMillis.set(300);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Status>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return users.of("budi");
        }));
      }
      go.countDown();
      for (Future<Status> answer : answers) {
        assertThat(answer.get()).isEqualTo(Status.ACTIVE);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(userLookups).hasValue(1);
  }

  @Test
  void anUnreachableKeycloakIsUnknownAndAskedAgainSoon() {
    user("budi", true);
    keycloak.stop(0);
    assertThat(users.of("budi")).isEqualTo(Status.UNKNOWN);
    now.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(users.of("budi")).as("not remembered for the whole cache period").isEqualTo(Status.UNKNOWN);
  }

  @Test
  void aRefusedServiceAccountMeansUnknownNotInactive() {
    user("budi", true);
    KeycloakUserStatus wrongSecret = new KeycloakUserStatus(
        "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/rekber",
        new UserCheckProperties(true, "rekber-app", "wrong", CACHE_FOR, Duration.ofSeconds(2)), now::get);
    assertThat(wrongSecret.of("budi")).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void anExpiredServiceTokenIsRenewedOnce() {
    user("budi", true);
    user("sari", true);
    assertThat(users.of("budi")).isEqualTo(Status.ACTIVE);
    expireTokensBefore.set(1); // Keycloak forgot token-1 (restart, revoked session)
    assertThat(users.of("sari")).isEqualTo(Status.ACTIVE);
    assertThat(tokenRequests).hasValue(2);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
