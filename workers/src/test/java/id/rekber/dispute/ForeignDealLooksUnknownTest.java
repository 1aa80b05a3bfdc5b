package id.rekber.dispute;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.IntegrationTest;
import id.rekber.support.Tokens;
import id.rekber.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Someone else's deal answers exactly like a deal that does not exist, on every endpoint and page
 * that takes a deal id (found from the request mappings, so new ones are covered): same status, same
 * body apart from the id. Otherwise a member could find out which deal ids exist by probing. The
 * audit trail still records the true reason.
 */
@IntegrationTest
class ForeignDealLooksUnknownTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {
    boolean api() {
      return pattern.startsWith("/api/");
    }

    boolean takesJson() {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (p.hasParameterAnnotation(RequestBody.class)) {
          return true;
        }
      }
      return false;
    }

    boolean takesFile() {
      for (MethodParameter p : handler.getMethodParameters()) {
        if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
          return true;
        }
      }
      return false;
    }

    String path(String dealId, long entryId) {
      return pattern.replace("{id}", dealId).replace("{dealId}", dealId).replace("{seq}", "1").replace("{entryId}", Long.toString(entryId));
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  @Test
  void everyDealEndpointAnswersAForeignDealLikeAnUnknownOne() throws Exception {
    Disputes disputes = new Disputes(port);
    String foreign = disputes.disputedDeal(SARI, BUDI, 120_000); // Rina is a stranger to it
    HttpResponse<String> uploaded = upload(BUDI, "/api/deals/" + foreign + "/dispute/evidence");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    long entryId = JSON.readTree(uploaded.body()).get("id").asLong();
    String unknown = "RB-ZZZZ" + foreign.substring(7); // same shape and length, never issued (Z-prefixed ids are rare)
    assertThat(jdbc.queryForObject("SELECT count(*) FROM deal WHERE id = ?", Integer.class, unknown)).isZero();

    List<Endpoint> endpoints = dealEndpoints();
    assertThat(endpoints).extracting(Endpoint::toString)
        .contains("GET /api/deals/{id}", "POST /api/deals/{id}/ship", "GET /api/deals/{id}/ledger", "GET /api/deals/{id}/payment",
            "POST /api/deals/{id}/dispute/messages", "GET /api/disputes/{dealId}/evidence/{entryId}", "GET /deals/{id}",
            "GET /deals/{id}/dispute", "GET /deals/{id}/diagram.bpmn", "POST /deals/{id}/pay");

    WebSession rina = WebSession.signIn(port, RINA);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : endpoints) {
      if (e.api()) {
        for (String caller : List.of(RINA, ADMIN, MEDIATOR)) {
          Answer toForeign = api(caller, e, e.path(foreign, entryId)).normalized(foreign);
          Answer toUnknown = api(caller, e, e.path(unknown, entryId)).normalized(unknown);
          checked++;
          if (!toForeign.equals(toUnknown)) {
            failures.add(e + " as " + caller + ": foreign " + toForeign + " but unknown " + toUnknown);
          } else if (caller.equals(RINA) && toForeign.status() != 404) {
            failures.add(e + " as " + caller + ": expected 404, got " + toForeign);
          }
        }
      } else {
        Answer toForeign = page(rina, e, e.path(foreign, entryId)).normalized(foreign);
        Answer toUnknown = page(rina, e, e.path(unknown, entryId)).normalized(unknown);
        checked++;
        if (!toForeign.equals(toUnknown)) {
          failures.add(e + " page: foreign " + toForeign + " but unknown " + toUnknown);
        } else if (toForeign.status() != 404) {
          failures.add(e + " page: expected 404, got " + toForeign);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(40);

    // Nothing happened to the deal, and the trail knows who knocked on it and why they were sent away.
    assertThat(disputes.deals.get(BUDI, foreign).get("status").asText()).isEqualTo("SENGKETA");
    assertThat(jdbc.queryForObject(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND object_id = ? AND outcome = 'REFUSED' AND http_status = 404"
                + " AND detail = 'deal.not-a-party'",
            Integer.class, RINA, foreign))
        .as("every endpoint but the evidence file (its own reason) once as API or page")
        .isGreaterThanOrEqualTo(endpoints.size() - 2);
    assertThat(jdbc.queryForObject(
            "SELECT count(*) FROM audit_event WHERE actor = ? AND object_id = ? AND http_status = 404 AND detail = 'dispute.evidence-forbidden'",
            Integer.class, MEDIATOR, foreign))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE object_id = ? AND detail IS NOT NULL", Integer.class, unknown))
        .as("an unknown deal hides nothing")
        .isZero();
  }

  /** Every mapping with a deal id in its path: the API, the pages and the page's JSON posts. */
  private List<Endpoint> dealEndpoints() {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : m.getKey().getPatternValues()) {
        if (!pattern.contains("/deals/{id}") && !pattern.contains("/disputes/{dealId}")) {
          continue;
        }
        if (pattern.startsWith("/api/partner/")) {
          continue; // members never reach the partner chain (403 by role); PartnerApiTest checks partner isolation
        }
        Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          if (seen.add(method + " " + pattern)) {
            endpoints.add(new Endpoint(method, pattern, m.getValue()));
          }
        }
      }
    }
    endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
    return endpoints;
  }

  private Answer api(String caller, Endpoint e, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + Tokens.of(caller))
        .header("Accept", "application/json");
    if (e.takesFile()) {
      Multipart body = Multipart.png();
      request.header("Content-Type", body.contentType()).method(e.method().name(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    } else if (e.takesJson()) {
      request.header("Content-Type", "application/json")
          .method(e.method().name(), HttpRequest.BodyPublishers.ofString("{\"courier\":\"JNE\",\"trackingNumber\":\"JNE12345678\",\"text\":\"Halo\"}"));
    } else {
      request.method(e.method().name(), HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
  }

  private static Answer page(WebSession session, Endpoint e, String path) {
    WebSession.Page page;
    if (e.method() == RequestMethod.GET) {
      page = session.get(path);
    } else if (e.takesJson()) {
      page = session.postJson(path, "{\"sellerResponse\":\"ACCEPT_REFUND\",\"offerAnswer\":\"ACCEPT\"}");
    } else if (e.takesFile()) {
      Multipart body = Multipart.png();
      page = session.postMultipart(path, body.contentType(), body.bytes());
    } else {
      page = session.post(path, Map.of("reason", Disputes.REASON, "text", "Halo", "courier", "JNE", "trackingNumber", "JNE12345678"));
    }
    // Pages differ in their CSRF tokens; what they say is in the error text.
    String said = page.text("error-text");
    return new Answer(page.status(), "", said == null ? page.body() : said);
  }

  private HttpResponse<String> upload(String user, String path) throws Exception {
    Multipart body = Multipart.png();
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + Tokens.of(user))
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  record Answer(int status, String contentType, String body) {
    Answer normalized(String dealId) {
      return new Answer(status, contentType, body.replace(dealId, "{id}"));
    }
  }

  record Multipart(String contentType, byte[] bytes) {
    static Multipart png() {
      String boundary = "----rekber-foreign";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"foto.png\"\r\n"
          + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(EvidenceAccessTest.PNG);
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }
  }
}
