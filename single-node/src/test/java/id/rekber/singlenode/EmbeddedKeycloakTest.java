package id.rekber.singlenode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Starts the real Keycloak distribution with the rekber realm; no Spring context. */
@Tag("full-stack")
class EmbeddedKeycloakTest {
  private static final String PASSWORD = "rekber-demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path dataDir;
  private static GreenMail smtp;
  private static EmbeddedKeycloak keycloak;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("rekber-keycloak-test");
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    keycloak =
        new EmbeddedKeycloak(Path.of("target/keycloak"), Path.of("../keycloak-realm/rekber-realm.json"), dataDir, freePort(), smtpPort);
    keycloak.start();
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (keycloak != null) {
        keycloak.close();
        assertThat(keycloak.isRunning()).isFalse();
        try (ServerSocket again = new ServerSocket(keycloak.port(), 1, InetAddress.getLoopbackAddress())) {
          assertThat(again.getLocalPort()).as("Keycloak's port is free again").isEqualTo(keycloak.port());
        }
      }
    } finally {
      if (smtp != null) {
        smtp.stop();
      }
      if (dataDir != null) {
        try (Stream<Path> files = Files.walk(dataDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void memberGetsATokenForTheApiWithTheMemberRole() throws Exception {
    HttpResponse<String> response = passwordGrant("budi@rekber.test", PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode claims = payload(JSON.readTree(response.body()).path("access_token").asText());
    assertThat(keycloak.issuerUri()).isEqualTo(keycloak.baseUrl() + "/realms/rekber");
    assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
    assertThat(roles(claims)).contains("member").doesNotContain("admin", "mediator", "compliance", "analyst");
    assertThat(audiences(claims)).contains("rekber-api");
    assertThat(claims.path("email").asText()).isEqualTo("budi@rekber.test");
    assertThat(claims.path("name").asText()).isEqualTo("Budi Santoso");
    assertThat(claims.path("locale").asText()).isEqualTo("id");
  }

  /** Staff also need the one-time code (decision 39): the password alone is refused. */
  @Test
  void staffRolesComeFromTheirGroups() throws Exception {
    for (String staff : new String[] {"admin", "mediator", "compliance", "analyst"}) {
      assertThat(passwordGrant(staff + "@rekber.test", PASSWORD).statusCode()).as(staff + " without a code").isIn(400, 401);
      String code = DemoStaffOtp.code(DemoStaffOtp.SECRET, DemoStaffOtp.step(System.currentTimeMillis()));
      HttpResponse<String> response = passwordGrant(staff + "@rekber.test", PASSWORD, code);

      assertThat(response.statusCode()).as(staff).isEqualTo(200);
      JsonNode claims = payload(JSON.readTree(response.body()).path("access_token").asText());
      assertThat(roles(claims)).as(staff).contains(staff, "staff").doesNotContain("member");
      assertThat(audiences(claims)).as(staff).contains("rekber-api");
    }
    JsonNode rina = payload(JSON.readTree(passwordGrant("rina@rekber.test", PASSWORD).body()).path("access_token").asText());
    assertThat(rina.path("locale").asText()).isEqualTo("en");
  }

  @Test
  void wrongPasswordIsRejected() throws Exception {
    // Keycloak 26 answers a failed password grant with 400 invalid_grant (RFC 6749 section 5.2), not 401.
    HttpResponse<String> response = passwordGrant("joko@rekber.test", "not-the-password");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void webClientLogsInWithPkceOnAnyLoopbackPort() throws Exception {
    Browser browser = new Browser();
    String redirectUri = "http://127.0.0.1:" + freePort() + "/login/oauth2/code/keycloak";
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString("a-verifier-of-at-least-43-characters-0123456789".getBytes(StandardCharsets.UTF_8));
    String challenge =
        Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));

    HttpResponse<String> loginPage = browser.send(get(authorize(redirectUri, challenge)));
    assertThat(loginPage.statusCode()).isEqualTo(200);
    HttpResponse<String> loggedIn =
        browser.send(postForm(formAction(loginPage.body()), Map.of("username", "sari@rekber.test", "password", PASSWORD)));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    String location = loggedIn.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirectUri + "?");
    String code = queryParameter(location, "code");

    HttpRequest exchange =
        HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rekber-web:rekber-web-DEMO-ONLY-secret".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri, "code_verifier", verifier))))
            .build();
    HttpResponse<String> tokens = http.send(exchange, HttpResponse.BodyHandlers.ofString());
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode claims = payload(JSON.readTree(tokens.body()).path("access_token").asText());
    assertThat(claims.path("azp").asText()).isEqualTo("rekber-web");
    assertThat(roles(claims)).contains("member");
    assertThat(audiences(claims)).contains("rekber-api");

    // Not a loopback address: Keycloak refuses to redirect there. Without PKCE: refused too.
    assertThat(http.send(get(authorize("http://rekber.example:8080/login/oauth2/code/keycloak", challenge)), HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(400);
    String withoutPkce = authorize(redirectUri, challenge).replaceAll("&code_challenge[^&]*", "");
    assertThat(http.send(get(withoutPkce), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElse(""))
        .contains("error=invalid_request");
  }

  @Test
  void realmMailGoesToTheGivenSmtpPort() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> loginPage =
        browser.send(get(authorize("http://localhost:8080/login/oauth2/code/keycloak", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")));
    Matcher reset = Pattern.compile("href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"").matcher(loginPage.body());
    assertThat(reset.find()).as("forgot-password link on the login page").isTrue();
    HttpResponse<String> resetPage = browser.send(get(keycloak.baseUrl() + unescape(reset.group(1))));
    HttpResponse<String> sent = browser.send(postForm(formAction(resetPage.body()), Map.of("username", "budi@rekber.test")));
    assertThat(sent.statusCode()).isEqualTo(200);

    assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("password reset mail via SMTP port " + smtp.getSmtp().getPort()).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("budi@rekber.test");
    assertThat(mail.getFrom()[0].toString()).contains("no-reply@rekber.test");
  }

  /** The application's service account reads users (enabled, or 404 when deleted) and can change nothing. */
  @Test
  void applicationServiceAccountMayOnlyReadUsers() throws Exception {
    String app = serviceToken("rekber-app", "rekber-app-DEMO-ONLY-secret");
    String budi = payload(JSON.readTree(passwordGrant("budi@rekber.test", PASSWORD).body()).path("access_token").asText()).path("sub").asText();
    HttpResponse<String> user = http.send(bearer(keycloak.baseUrl() + "/admin/realms/rekber/users/" + budi, app).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    assertThat(JSON.readTree(user.body()).path("enabled").asBoolean()).isTrue();
    HttpResponse<String> gone = http.send(
        bearer(keycloak.baseUrl() + "/admin/realms/rekber/users/00000000-0000-0000-0000-000000000000", app).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(gone.statusCode()).as("a user that does not exist").isEqualTo(404);
    HttpResponse<String> disable = http.send(
        bearer(keycloak.baseUrl() + "/admin/realms/rekber/users/" + budi, app).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(disable.statusCode()).as("the service account cannot change users").isEqualTo(403);
  }

  /** A realm stored before a client was added to the realm file gets the client on the next start. */
  @Test
  void clientsMissingFromTheStoredRealmAreAddedFromTheFile() throws Exception {
    String admin = serviceToken("rekber-single-node-admin", Files.readString(dataDir.resolve("bootstrap-admin-client-secret")).strip());
    String clients = keycloak.baseUrl() + "/admin/realms/rekber/clients";
    JsonNode found = JSON.readTree(http.send(bearer(clients + "?clientId=rekber-app", admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(found).hasSize(1);
    HttpResponse<String> deleted =
        http.send(bearer(clients + "/" + found.get(0).path("id").asText(), admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(tokenResponse("rekber-app", "rekber-app-DEMO-ONLY-secret").statusCode()).as("the client is gone").isEqualTo(401);

    keycloak.addClientsMissingFromStoredRealm();

    String app = serviceToken("rekber-app", "rekber-app-DEMO-ONLY-secret");
    HttpResponse<String> users = http.send(bearer(keycloak.baseUrl() + "/admin/realms/rekber/users?max=1", app).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(users.statusCode()).as("its service account has view-users again: " + users.body()).isEqualTo(200);
  }

  private String serviceToken(String clientId, String secret) throws Exception {
    HttpResponse<String> response = tokenResponse(clientId, secret);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asText();
  }

  private HttpResponse<String> tokenResponse(String clientId, String secret) throws Exception {
    String realm = clientId.equals("rekber-single-node-admin") ? keycloak.baseUrl() + "/realms/master" : keycloak.issuerUri();
    return http.send(
        postForm(realm + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder bearer(String uri, String token) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> passwordGrant(String username, String password) throws Exception {
    return passwordGrant(username, password, null);
  }

  private HttpResponse<String> passwordGrant(String username, String password, String totp) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "rekber-cli", "username", username, "password", password));
    if (totp != null) {
      fields.put("totp", totp);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(keycloak.issuerUri() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String authorize(String redirectUri, String challenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", "rekber-web");
    query.put("response_type", "code");
    query.put("scope", "openid profile email");
    query.put("redirect_uri", redirectUri);
    query.put("state", "test-state");
    query.put("code_challenge", challenge);
    query.put("code_challenge_method", "S256");
    return keycloak.issuerUri() + "/protocol/openid-connect/auth?" + form(query);
  }

  private static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).GET().build();
  }

  private static HttpRequest.Builder postForm(String uri, Map<String, String> fields) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
  }

  /**
   * Keeps Keycloak's login cookies. They are marked Secure even over plain HTTP; browsers send them
   * to http://localhost (a secure context), java.net.CookieManager does not, hence this jar.
   */
  private static final class Browser {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest request) throws Exception {
      return send(HttpRequest.newBuilder(request, (name, value) -> true));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
      return response;
    }
  }

  private static String formAction(String html) {
    Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
    assertThat(action.find()).as("a form on the page").isTrue();
    return unescape(action.group(1));
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&");
  }

  private static String queryParameter(String uri, String name) {
    Matcher value = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(uri);
    assertThat(value.find()).as(name + " in " + uri).isTrue();
    return URLDecoder.decode(value.group(1), StandardCharsets.UTF_8);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonNode payload(String jwt) throws IOException {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static List<String> roles(JsonNode claims) {
    return strings(claims.path("realm_access").path("roles"));
  }

  /** {@code aud} is a string for one audience and an array for several. */
  private static List<String> audiences(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isTextual() ? List.of(aud.asText()) : strings(aud);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
