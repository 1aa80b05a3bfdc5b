package id.rekber.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like web session over plain HTTP: signs in through Keycloak's real login form (cookies,
 * redirects, PKCE, and for staff the one-time code), then fetches pages and posts forms with the page's CSRF token.
 */
public final class WebSession {
  private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern OTP_ACTION = Pattern.compile("<form[^>]*id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LocalhostCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String base;
  private String csrf;

  private WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  public static WebSession signIn(int port, String email) {
    WebSession session = new WebSession(port);
    Page login = session.get("/");
    Matcher action = LOGIN_ACTION.matcher(login.body());
    if (!action.find()) {
      throw new IllegalStateException("no Keycloak login form: " + login.status() + " " + login.body());
    }
    Page home = session.send(
        HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", ApiClient.PASSWORD, "credentialId", "")))));
    Matcher otp = OTP_ACTION.matcher(home.body());
    if (otp.find()) { // staff: Keycloak's one-time-code page comes next
      String url = otp.group(1).replace("&amp;", "&");
      home = session.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("otp", StaffOtp.code(StaffOtp.keycloakOf(url), email))))));
    }
    if (home.status() != 200 || !home.body().contains("id=\"logout\"")) {
      throw new IllegalStateException("sign-in failed: " + home.status() + " " + home.uri());
    }
    return session;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** Posts a form as the page would, with the CSRF token of the last page fetched. */
  public Page post(String path, Map<String, String> fields) {
    if (csrf == null) {
      get("/");
    }
    Map<String, String> body = new java.util.LinkedHashMap<>(fields);
    body.put("_csrf", csrf);
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(body))));
  }

  /** Posts JSON as the page's scripts do, with the CSRF token of the last page fetched in the header. */
  public Page postJson(String path, String json) {
    if (csrf == null) {
      get("/");
    }
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Posts a multipart form (a file upload), with the CSRF token in the header. */
  public Page postMultipart(String path, String contentType, byte[] body) {
    if (csrf == null) {
      get("/");
    }
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html")
        .header("Content-Type", contentType)
        .header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return new Page(response.statusCode(), response.uri(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * Keycloak marks its login cookies Secure; browsers send those to http://localhost (a secure
   * context), java.net's cookie store does not. So the flag is dropped, as a browser would treat it here.
   */
  private static final class LocalhostCookies extends java.net.CookieHandler {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
      return cookies.get(uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
      Map<String, java.util.List<String>> insecure = new java.util.HashMap<>();
      headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
          ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
          : values));
      cookies.put(uri, insecure);
    }
  }

  public record Page(int status, URI uri, String body) {
    /** The text of the element with this id (tags stripped, entities for quotes and ampersands decoded). */
    public String text(String id) {
      Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(body);
      return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").trim() : null;
    }

    /** The value attribute of the input with this id. */
    public String value(String id) {
      Matcher m = Pattern.compile("<(?:input|textarea)[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*?(?:value=\"([^\"]*)\"[^>]*)?>").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }
}
