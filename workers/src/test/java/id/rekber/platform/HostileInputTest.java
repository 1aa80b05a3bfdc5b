package id.rekber.platform;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.KeycloakAdmin;
import id.rekber.support.RawHttp;
import id.rekber.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input against the whole API: every {@code /api/**} endpoint Spring knows (so new endpoints
 * are covered without touching this test), sent NUL characters, invalid UTF-8, broken
 * percent-encoding, huge bodies, wrong JSON types, fractions and overflowing numbers, empty bodies
 * and garbage content types, with a member's token, staff tokens where staff may call, and no token
 * for the signed webhooks. Every answer must be a 4xx RFC 7807 problem ({@code
 * application/problem+json}, a {@code urn:rekber:problem:} type matching its {@code code}), never a
 * 5xx, never HTML; and nothing may change in the database.
 */
@IntegrationTest
class HostileInputTest {
  private static final String PROBLEM = "application/problem+json";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  private static final int HUGE = 5 * 1024 * 1024;
  /** Keys a free-form (Map) body is sent: the fields our dispute, inbox and blocklist forms know. */
  private static final List<String> FORM_KEYS =
      List.of("reason", "text", "note", "courier", "trackingNumber", "sellerResponse", "offerAmount", "offerAnswer", "payoutAction",
          "adminNote", "kind", "bankCode", "value");
  private static final List<String> KYC_FIELDS = List.of("fullName", "gender", "birthDate", "nik", "phone", "bankCode", "bankAccountNumber");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired EmbeddedKeycloak embeddedKeycloak;

  // ---------------------------------------------------------------------------------------------
  // The refusals the servlet container and the security firewall make, one by one.
  // ---------------------------------------------------------------------------------------------

  @Test
  void refusalsBeforeTheApplicationAreProblemsInTheCallersLanguage() {
    Map<String, String> budi = Map.of("Authorization", "Bearer " + Tokens.of(BUDI), "Accept", "application/json");
    Map<String, String> budiEnglish = with(budi, "Accept-Language", "en");

    for (String path : List.of("/api/deals/RB-%00", "/api/deals/%zz", "/api/deals/%C3%28", "/api/deals/a%2Fb")) {
      RawHttp.Answer answer = RawHttp.send(port, "GET", path, budi, null);
      assertProblem(answer, 400, "request.malformed", path);
      assertThat(detail(answer)).startsWith("Permintaan tidak dapat dibaca");
      assertThat(detail(RawHttp.send(port, "GET", path, budiEnglish, null))).startsWith("The request cannot be read");
    }
    byte[] rawByte = "/api/deals/RB-\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    assertProblem(RawHttp.send(port, "GET", rawByte, budi, null), 400, "request.malformed", "raw byte 0xFF in the path");
    assertProblem(RawHttp.send(port, "GET", "/api/deals/%25", budi, null), 400, "request.malformed", "encoded % (the firewall)");
    assertProblem(RawHttp.send(port, "GET", "/api/deals", with(budi, "X-Note", "a\u0000b"), null), 400, "request.malformed", "NUL in a header");
    assertProblem(RawHttp.send(port, "GET", "/api/deals/" + "A".repeat(9000), budi, null), 400, "request.malformed", "request line too long");
    assertProblem(RawHttp.send(port, "FOO", "/api/deals", budi, null), 400, "request.malformed", "unknown method");
    assertThat(RawHttp.send(port, "TRACE", "/api/deals", budi, null)).satisfies(a -> assertProblemLike(a, "TRACE"));

    // Bodies: too large (declared or chunked), unreadable, wrong type, wrong format, wrong method.
    Map<String, String> json = with(budi, "Content-Type", "application/json");
    assertProblem(RawHttp.send(port, "POST", "/api/deals", json, jsonString(2 * 1024 * 1024)), 413, "request.too-large", "declared 2 MB");
    byte[] chunked = chunked(jsonString(2 * 1024 * 1024));
    assertProblem(RawHttp.send(port, "POST", "/api/deals", with(json, "Transfer-Encoding", "chunked"), chunked), 413, "request.too-large", "chunked 2 MB");
    assertProblem(RawHttp.send(port, "POST", "/api/deals", json, utf8("{\"price\":")), 400, "request.unreadable", "truncated JSON");
    RawHttp.Answer wrongType = RawHttp.send(port, "POST", "/api/deals", with(json, "Accept-Language", "en"), utf8("{\"price\":\"1000\",\"myRole\":\"BUYER\"}"));
    assertProblem(wrongType, 400, "request.unreadable", "price as text");
    assertThat(parse(wrongType).path("errors").path("price").asText()).isEqualTo("Wrong kind of value for this field.");
    assertProblem(RawHttp.send(port, "POST", "/api/deals", with(budi, "Content-Type", "text/plain"), utf8("hello")), 415, "request.http-415", "text/plain");
    assertProblem(RawHttp.send(port, "PUT", "/api/deals", json, utf8("{}")), 405, "request.http-405", "PUT on a POST endpoint");
    RawHttp.Answer notAcceptable = RawHttp.send(port, "GET", "/api/deals", with(budi, "Accept", "image/png"), null);
    assertProblem(notAcceptable, 406, "request.http-406", "Accept: image/png");
    assertProblem(RawHttp.send(port, "GET", "/api/nothing-here", budi, null), 404, "request.http-404", "unknown path");

    // A browser asking for a page with a broken address gets a plain page, without server details.
    RawHttp.Answer page = RawHttp.send(port, "GET", "/deals/RB-%00", Map.of("Accept", "text/html"), null);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).doesNotContain("Tomcat").doesNotContain("Exception");
  }

  // ---------------------------------------------------------------------------------------------
  // The sweep: every endpoint, every kind of hostile input.
  // ---------------------------------------------------------------------------------------------

  /** One endpoint as Spring maps it. */
  record Endpoint(String method, String pattern, HandlerMethod handler) {
    boolean webhook() {
      return pattern.startsWith("/api/webhooks/");
    }

    MethodParameter jsonBody() {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (p.hasParameterAnnotation(RequestBody.class)) {
          return p;
        }
      }
      return null;
    }

    boolean multipart() {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (MultipartFile.class.isAssignableFrom(p.getParameterType()) || p.hasParameterAnnotation(RequestPart.class)) {
          return true;
        }
      }
      return false;
    }

    /** Query parameters (name → type), not multipart parts or whole-map parameters. */
    Map<String, Class<?>> queryParameters() {
      Map<String, Class<?>> names = new TreeMap<>();
      if (multipart()) {
        return names;
      }
      for (MethodParameter p : handler.getMethodParameters()) {
        RequestParam param = p.getParameterAnnotation(RequestParam.class);
        if (param != null && !Map.class.isAssignableFrom(p.getParameterType())) {
          p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
          String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
          names.put(name, p.getParameterType());
        }
      }
      return names;
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  /** A request to send, and what it is. */
  record Attempt(String what, String method, byte[] target, Map<String, String> headers, byte[] body) {}

  @Test
  void noHostileInputGetsPastTheEdgeOrChangesAnything() {
    Deals deals = new Deals(port);
    KeycloakAdmin keycloak = new KeycloakAdmin(embeddedKeycloak);
    String member = keycloak.newMember("Hana", "Wibowo");
    String memberToken = Tokens.of(member);
    assertThat(ApiClient.as(port, member).get("/api/me").status()).isEqualTo(200); // profile created
    String foreign = deals.fundedDeal(SARI, BUDI, 90_000); // not the member's
    ApiClient.Response created = ApiClient.as(port, member).post("/api/deals", Deals.terms("BUYER", 60_000, SARI));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String own = created.json().get("id").asText(); // the member's, waiting for Sari

    List<Endpoint> endpoints = apiEndpoints();
    assertThat(endpoints).extracting(Endpoint::toString)
        .contains("POST /api/deals", "POST /api/deals/{id}/ship", "PUT /api/me/payout-account", "POST /api/kyc/submissions",
            "POST /api/webhooks/sandbox/payments", "POST /api/webhooks/sandbox/payouts", "POST /api/inbox/tasks/{key}/complete",
            "POST /api/admin/blocklist", "POST /api/deals/{id}/dispute/evidence", "GET /api/disputes/{dealId}/evidence/{entryId}");

    // The two deals are at rest (the process has nothing left to do for them) before we start.
    java.util.concurrent.atomic.AtomicReference<Map<String, String>> settled = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
        .until(() -> settled.getAndSet(fingerprint(foreign, own, member)).equals(settled.get()));
    Map<String, String> before = settled.get();
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> answers = new TreeMap<>();
    int sent = 0;
    for (Endpoint e : endpoints) {
      for (String caller : callers(e, memberToken)) {
        for (String dealId : e.pattern().contains("{id}") && e.pattern().startsWith("/api/deals/") ? List.of(foreign, own) : List.of(foreign)) {
          for (Attempt a : attempts(e, caller, dealId)) {
            sent++;
            RawHttp.Answer answer = RawHttp.send(port, a.method(), a.target(), a.headers(), a.body());
            String problem = problemMismatch(answer);
            answers.merge(answer.status() + " " + (problem == null ? parse(answer).path("code").asText() : "?"), 1, Integer::sum);
            if (problem != null) {
              failures.add(e + " [" + a.what() + "] " + who(caller, memberToken) + ": " + problem + " — " + answer);
            }
          }
        }
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    org.slf4j.LoggerFactory.getLogger(HostileInputTest.class)
        .info("Sent {} hostile requests to {} endpoints in {} s; answers: {}", sent, endpoints.size(), took.toSeconds(), answers);
    assertThat(failures).as(failures.size() + " of " + sent + " answers were wrong").isEmpty();
    assertThat(sent).isGreaterThan(800);
    assertThat(fingerprint(foreign, own, member)).as("nothing changed in the database").isEqualTo(before);
  }

  private List<Endpoint> apiEndpoints() {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : m.getKey().getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          if (seen.add(method + " " + pattern)) {
            endpoints.add(new Endpoint(method.name(), pattern, m.getValue()));
          }
        }
      }
    }
    endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
    return endpoints;
  }

  /** Bearer tokens to send (null: none): the member everywhere, staff where staff may call, nobody for webhooks. */
  private static List<String> callers(Endpoint e, String memberToken) {
    if (e.webhook()) {
      return Arrays.asList((String) null);
    }
    if (e.pattern().startsWith("/api/inbox/")) {
      return List.of(memberToken, Tokens.of(ADMIN), Tokens.of(MEDIATOR));
    }
    if (e.pattern().startsWith("/api/deals")) {
      return List.of(memberToken); // staff are refused there by role, before anything is read
    }
    if (e.pattern().startsWith("/api/partner/")) {
      return List.of(memberToken, Tokens.ofClient("rekber-partner-demo", "rekber-partner-DEMO-ONLY-secret"));
    }
    return List.of(memberToken, Tokens.of(ADMIN));
  }

  private static String who(String caller, String memberToken) {
    return caller == null ? "anonymous" : caller.equals(memberToken) ? "member" : "staff or partner";
  }

  private List<Attempt> attempts(Endpoint e, String token, String dealId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    String path = e.pattern().replace("{id}", e.pattern().startsWith("/api/deals/") ? dealId : "999999999")
        .replace("{dealId}", dealId).replace("{entryId}", "1").replace("{key}", "999999999");
    List<Attempt> attempts = new ArrayList<>();

    // The path: NUL, invalid UTF-8, broken or forbidden percent-encoding, raw bytes, too long.
    if (e.pattern().contains("{")) {
      for (String hostile : List.of("%00", "RB-%00X", "%C3%28", "%FF%FE", "%zz", "%25", "..%2F..%2Fapi", "A".repeat(9000))) {
        String target = e.pattern().replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(hostile));
        attempts.add(new Attempt("path " + (hostile.length() > 20 ? "9000 chars" : hostile), e.method(), latin1(target), headers, bodyFor(e)));
      }
      String raw = e.pattern().replaceAll("\\{[^}]+}", "RB-\u00ff\u0000");
      attempts.add(new Attempt("path raw bytes", e.method(), latin1(raw), headers, bodyFor(e)));
    }
    // Query parameters: NUL, and fractions and overflow where a number belongs.
    e.queryParameters().forEach((name, type) -> {
      attempts.add(new Attempt("query " + name + "=NUL", e.method(), latin1(path + "?" + name + "=a%00b"), headers, null));
      if (Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type))) {
        attempts.add(new Attempt("query " + name + "=1.5", e.method(), latin1(path + "?" + name + "=1.5"), headers, null));
        attempts.add(new Attempt("query " + name + " overflow", e.method(), latin1(path + "?" + name + "=99999999999999999999999"), headers, null));
      }
    });
    // A huge body: refused before anything reads it, whatever the endpoint.
    attempts.add(new Attempt("huge JSON body", e.method(), latin1(path), with(headers, "Content-Type", "application/json"), jsonString(HUGE)));

    MethodParameter body = e.jsonBody();
    if (body != null) {
      attempts.addAll(jsonAttempts(path, e.method(), headers, body));
    } else if (e.multipart()) {
      attempts.addAll(multipartAttempts(path, e.method(), headers));
    }
    return attempts;
  }

  /** What a well-formed request to the endpoint would carry, to go with a hostile path. */
  private byte[] bodyFor(Endpoint e) {
    MethodParameter body = e.jsonBody();
    return body == null ? null : utf8(template(body, "x").toString());
  }

  private List<Attempt> jsonAttempts(String path, String method, Map<String, String> headers, MethodParameter body) {
    Map<String, String> asJson = with(headers, "Content-Type", "application/json");
    byte[] target = latin1(path);
    boolean freeForm = isFreeForm(body);
    Map<String, Class<?>> fields = fields(body);
    boolean numbers = fields.values().stream().anyMatch(HostileInputTest::isNumber);
    assertThat(fields).as("the JSON fields of " + body.getParameterType()).isNotEmpty();
    List<Attempt> attempts = new ArrayList<>();

    attempts.add(new Attempt("NUL in every text", method, target, asJson, utf8(mutate(fields, "\"a\\u0000b\"", null))));
    if (freeForm) {
      attempts.add(new Attempt("NUL in a key", method, target, asJson, utf8("{\"\\u0000\":\"x\",\"reason\":\"x\"}")));
      attempts.add(new Attempt("NUL deep inside", method, target, asJson, utf8("{\"note\":{\"a\":[\"x\\u0000\"]},\"reason\":[\"\\u0000\"]}")));
    }
    attempts.add(new Attempt("invalid UTF-8", method, target, asJson, invalidUtf8(template(body, "x").toString())));
    attempts.add(new Attempt("object for text", method, target, asJson, utf8(mutate(fields, "{}", null))));
    attempts.add(new Attempt("array for text", method, target, asJson, utf8(mutate(fields, "[\"x\"]", null))));
    if (numbers) {
      attempts.add(new Attempt("text for number", method, target, asJson, utf8(mutate(fields, null, "\"1000\""))));
      attempts.add(new Attempt("fraction", method, target, asJson, utf8(mutate(fields, null, "1000.5"))));
      attempts.add(new Attempt("overflow", method, target, asJson, utf8(mutate(fields, null, "99999999999999999999999999"))));
      attempts.add(new Attempt("huge exponent", method, target, asJson, utf8(mutate(fields, null, "1e400"))));
      attempts.add(new Attempt("negative overflow", method, target, asJson, utf8(mutate(fields, null, "-99999999999999999999999999"))));
    }
    attempts.add(new Attempt("array at top level", method, target, asJson, utf8("[" + template(body, "x") + "]")));
    attempts.add(new Attempt("text at top level", method, target, asJson, utf8("\"x\"")));
    attempts.add(new Attempt("number at top level", method, target, asJson, utf8("42")));
    attempts.add(new Attempt("null", method, target, asJson, utf8("null")));
    attempts.add(new Attempt("empty body", method, target, asJson, new byte[0]));
    attempts.add(new Attempt("truncated JSON", method, target, asJson, utf8("{\"reason\":")));
    attempts.add(new Attempt("trailing comma", method, target, asJson, utf8("{\"reason\":\"x\",}")));
    attempts.add(new Attempt("deep nesting", method, target, asJson, utf8("[".repeat(5000) + "]".repeat(5000))));
    attempts.add(new Attempt("very long number", method, target, asJson, utf8("{\"offerAmount\":" + "9".repeat(5000) + "}")));
    // Garbage and wrong content types with a NUL body: refused for the type, or for the NUL.
    byte[] nulBody = utf8(mutate(fields, "\"a\\u0000b\"", null));
    for (String type : List.of("garbage", "text/plain", "application/xml", "application/json; charset=x-bogus", "multipart/form-data",
        "multipart/form-data; boundary=zzz", "application/x-www-form-urlencoded", "image/png")) {
      attempts.add(new Attempt("Content-Type " + type, method, target, with(headers, "Content-Type", type), nulBody));
    }
    attempts.add(new Attempt("no Content-Type", method, target, headers, nulBody));
    attempts.add(new Attempt("Accept image/png", method, target, with(asJson, "Accept", "image/png"), nulBody));
    return attempts;
  }

  private List<Attempt> multipartAttempts(String path, String method, Map<String, String> headers) {
    byte[] target = latin1(path);
    String boundary = "----hostile";
    Map<String, String> multipart = with(headers, "Content-Type", "multipart/form-data; boundary=" + boundary);
    List<Attempt> attempts = new ArrayList<>();
    Map<String, String> nul = new LinkedHashMap<>();
    KYC_FIELDS.forEach(f -> nul.put(f, "a\u0000b"));
    attempts.add(new Attempt("multipart NUL in every field", method, target, multipart, multipartBody(boundary, nul, "foto\u0000.png", PNG)));
    Map<String, String> badUtf8 = new LinkedHashMap<>();
    KYC_FIELDS.forEach(f -> badUtf8.put(f, "\u00c3("));
    attempts.add(new Attempt("multipart invalid UTF-8", method, target, multipart, multipartBody(boundary, badUtf8, "\u00c3(.png", PNG)));
    byte[] whole = multipartBody(boundary, Map.of("fullName", "x"), "foto.png", PNG);
    attempts.add(new Attempt("multipart truncated", method, target, multipart, Arrays.copyOf(whole, whole.length / 2)));
    attempts.add(new Attempt("multipart empty", method, target, multipart, new byte[0]));
    attempts.add(new Attempt("multipart without boundary", method, target, with(headers, "Content-Type", "multipart/form-data"), whole));
    attempts.add(new Attempt("multipart huge", method, target, multipart, multipartBody(boundary, Map.of(), "big.png", Arrays.copyOf(PNG, 25 * 1024 * 1024))));
    attempts.add(new Attempt("JSON to an upload", method, target, with(headers, "Content-Type", "application/json"), utf8("{\"fullName\":\"a\\u0000\"}")));
    attempts.add(new Attempt("garbage Content-Type", method, target, with(headers, "Content-Type", "garbage"), whole));
    attempts.add(new Attempt("multipart with a PNG lying about being text", method, target, multipart,
        multipartBody(boundary, Map.of("fullName", "\u0000"), "x.png", "MZ not a picture".getBytes(StandardCharsets.US_ASCII))));
    return attempts;
  }

  private static byte[] multipartBody(String boundary, Map<String, String> fields, String fileName, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1)); // the bytes as given: NUL, invalid UTF-8
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    for (String part : List.of("file", "ktpPhoto", "selfie")) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(fileName.getBytes(StandardCharsets.ISO_8859_1));
      body.writeBytes("\"\r\nContent-Type: image/png\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** The JSON properties of the request body's type (a free-form map: the fields our forms know). */
  /** A form's answer map, or a provider's notification read as a JSON tree or as raw signed bytes (Midtrans, Xendit, Iris). */
  private static boolean isFreeForm(MethodParameter body) {
    return Map.class.isAssignableFrom(body.getParameterType())
        || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(body.getParameterType())
        || byte[].class.equals(body.getParameterType());
  }

  private Map<String, Class<?>> fields(MethodParameter body) {
    Map<String, Class<?>> fields = new LinkedHashMap<>();
    if (isFreeForm(body)) {
      FORM_KEYS.forEach(k -> fields.put(k, k.equals("offerAmount") ? Long.class : String.class));
      return fields;
    }
    JavaType type = json.constructType(body.getGenericParameterType());
    for (BeanPropertyDefinition p : json.getDeserializationConfig().introspect(type).findProperties()) {
      fields.put(p.getName(), p.getRawPrimaryType());
    }
    return fields;
  }

  private JsonNode template(MethodParameter body, String text) {
    return parseJson(mutate(fields(body), null, null));
  }

  private JsonNode parseJson(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(text, e);
    }
  }

  /**
   * The body as raw JSON: every text field set to {@code text} and every number field to {@code
   * number} (both raw JSON; null keeps the sample value), choices (enums) a valid constant, so each
   * mutation is what makes the body wrong.
   */
  private static String mutate(Map<String, Class<?>> fields, String text, String number) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach((name, type) -> {
      String value;
      if (isNumber(type)) {
        value = number != null ? number : "1";
      } else if (type.isEnum()) {
        value = "\"" + ((Enum<?>) type.getEnumConstants()[0]).name() + "\"";
      } else if (type == Boolean.class || type == boolean.class) {
        value = "true";
      } else {
        value = text != null ? text : "\"x\"";
      }
      out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
    });
    return out.append('}').toString();
  }

  private static boolean isNumber(Class<?> type) {
    return Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type));
  }

  // ---------------------------------------------------------------------------------------------
  // What must hold, and what must not change.
  // ---------------------------------------------------------------------------------------------

  /** Null when the answer is a proper 4xx problem document, else what is wrong with it. */
  private String problemMismatch(RawHttp.Answer answer) {
    if (answer.status() < 400 || answer.status() >= 500) {
      return "status " + answer.status();
    }
    if (!answer.contentType().startsWith(PROBLEM)) {
      return "content type " + answer.contentType();
    }
    JsonNode problem;
    try {
      problem = json.readTree(answer.body());
    } catch (Exception e) {
      return "not JSON";
    }
    String code = problem.path("code").asText("");
    if (code.isEmpty() || !problem.path("type").asText().equals("urn:rekber:problem:" + code)) {
      return "type " + problem.path("type").asText() + " does not match code " + code;
    }
    if (problem.path("status").asInt() != answer.status() || problem.path("detail").asText("").isBlank()) {
      return "status or detail missing in the body";
    }
    return null;
  }

  private void assertProblem(RawHttp.Answer answer, int status, String code, String what) {
    assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
    assertThat(problemMismatch(answer)).as(what + ": " + answer).isNull();
    assertThat(parse(answer).path("code").asText()).as(what).isEqualTo(code);
  }

  private void assertProblemLike(RawHttp.Answer answer, String what) {
    assertThat(problemMismatch(answer)).as(what + ": " + answer).isNull();
  }

  private JsonNode parse(RawHttp.Answer answer) {
    try {
      return json.readTree(answer.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + answer, e);
    }
  }

  private String detail(RawHttp.Answer answer) {
    return parse(answer).path("detail").asText();
  }

  /** Row counts and contents of everything the hostile requests could have touched. */
  private Map<String, String> fingerprint(String foreign, String own, String member) {
    Map<String, String> rows = new TreeMap<>();
    rows.put("deal (all)", jdbc.queryForObject("SELECT count(*)::text FROM deal", String.class));
    for (String table : List.of("deal", "deal_event", "payment", "payout", "journal_entry", "journal_line", "dispute", "dispute_entry", "user_task")) {
      String key = table.equals("deal") ? "id" : "deal_id";
      rows.put(table, jdbc.queryForObject(
          "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table + " t WHERE t." + key + " IN (?, ?)",
          String.class, foreign, own));
    }
    rows.put("dispute_evidence", jdbc.queryForObject(
        "SELECT count(*)::text FROM dispute_evidence WHERE entry_id IN (SELECT id FROM dispute_entry WHERE deal_id IN (?, ?))", String.class, foreign, own));
    rows.put("notification_outbox", jdbc.queryForObject("SELECT count(*)::text FROM notification_outbox WHERE deal_id IN (?, ?)", String.class, foreign, own));
    rows.put("deals of the member", jdbc.queryForObject(
        "SELECT count(*)::text FROM deal d JOIN app_user u ON u.id IN (d.buyer_id, d.seller_id) WHERE u.email = ?", String.class, member));
    rows.put("member profile", jdbc.queryForObject("SELECT md5(t::text) FROM app_user t WHERE email = ?", String.class, member));
    rows.put("kyc_submission of the member", jdbc.queryForObject(
        "SELECT count(*)::text FROM kyc_submission s JOIN app_user u ON u.id = s.user_id WHERE u.email = ?", String.class, member));
    rows.put("kyc_blocklist", jdbc.queryForObject("SELECT count(*)::text FROM kyc_blocklist", String.class));
    rows.put("provider_notification", jdbc.queryForObject(
        "SELECT count(*)::text FROM provider_notification WHERE reference IN ('x', 'a', ?, ?)", String.class, "PAY-" + foreign, "PAY-" + own));
    return rows;
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The JSON with the bytes C3 28 (an invalid UTF-8 sequence) in its first text value. */
  private static byte[] invalidUtf8(String json) {
    int quote = json.indexOf(":\"");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (quote < 0) {
      out.writeBytes(utf8("{\"reason\":\""));
    } else {
      out.writeBytes(utf8(json.substring(0, quote + 2)));
    }
    out.write(0xC3);
    out.write(0x28);
    out.writeBytes(utf8(quote < 0 ? "\"}" : json.substring(quote + 2)));
    return out.toByteArray();
  }

  private static byte[] jsonString(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    byte[] open = utf8("{\"itemName\":\"");
    System.arraycopy(open, 0, body, 0, open.length);
    body[size - 2] = '"';
    body[size - 1] = '}';
    return body;
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 8192) {
      int n = Math.min(8192, body.length - at);
      out.writeBytes(utf8(Integer.toHexString(n) + "\r\n"));
      out.write(body, at, n);
      out.writeBytes(utf8("\r\n"));
    }
    out.writeBytes(utf8("0\r\n\r\n"));
    return out.toByteArray();
  }
}
