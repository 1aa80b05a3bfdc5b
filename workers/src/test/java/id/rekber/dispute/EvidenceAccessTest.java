package id.rekber.dispute;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.support.IntegrationTest;
import id.rekber.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Evidence files: type by content, size limit, stored in PostgreSQL, served only to the parties and
 * to staff of the dispute's task; everyone else is told there is no such file (404, the answer for
 * a file or deal that does not exist).
 */
@IntegrationTest
class EvidenceAccessTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Test
  void onlyThePartiesAndTheDisputesStaffMayOpenEvidence() throws Exception {
    Disputes disputes = new Disputes(port);
    String id = disputes.disputedDeal(SARI, BUDI, 150_000);

    HttpResponse<String> uploaded = upload(BUDI, id, "foto sepatu.png", PNG);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    String url = new ObjectMapper().readTree(uploaded.body()).get("url").asText();
    assertThat(upload(SARI, id, "resi.pdf", PDF).statusCode()).isEqualTo(201);

    // Type by content, not by name; size limited; outsiders cannot add files.
    assertThat(upload(BUDI, id, "virus.png", "MZ not an image".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(415);
    byte[] big = Arrays.copyOf(PNG, EvidenceFiles.MAX_BYTES + 1);
    assertThat(upload(BUDI, id, "big.png", big).statusCode()).isEqualTo(413);
    assertThat(upload(RINA, id, "x.png", PNG).statusCode()).isEqualTo(404);

    // The parties read it back, as an attachment.
    HttpResponse<byte[]> read = get(SARI, url);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(PNG);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(read.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(get(BUDI, url).statusCode()).isEqualTo(200);

    // Everyone else: another member, compliance, staff without a task on it, nobody at all.
    assertThat(get(RINA, url).statusCode()).isEqualTo(404);
    assertThat(get(COMPLIANCE, url).statusCode()).isEqualTo(404);
    assertThat(get(MEDIATOR, url).statusCode()).isEqualTo(404);
    assertThat(get(ADMIN, url).statusCode()).isEqualTo(404);
    assertThat(get(null, url).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> web = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url.substring(4))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(web.statusCode()).as("web without a session goes to login").isEqualTo(302);
    assertThat(get(SARI, url.replaceAll("/\\d+$", "/999999999")).statusCode()).isEqualTo(404);

    // Once the dispute has a mediator task, mediators may read it; compliance still may not.
    disputes.respond(SARI, id, Map.of("sellerResponse", "CONTEST", "note", "Ukuran sesuai pesanan, lihat foto."));
    disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    assertThat(get(MEDIATOR, url).statusCode()).isEqualTo(200);
    assertThat(get(COMPLIANCE, url).statusCode()).isEqualTo(404);
    assertThat(get(ADMIN, url).statusCode()).isEqualTo(404);

    JsonNode timeline = disputes.dispute(BUDI, id).get("timeline");
    assertThat(timeline).extracting(e -> e.get("kind").asText()).containsSubsequence("CLAIM", "EVIDENCE", "EVIDENCE", "RESPONSE_CONTEST");
    // Messages go on the same timeline; an outsider cannot write there.
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/messages", Map.of("text", "Foto ukuran sudah saya unggah."), 201);
    disputes.post(RINA, "/api/deals/" + id + "/dispute/messages", Map.of("text", "Halo"), 404);
    disputes.post(BUDI, "/api/deals/" + id + "/dispute/messages", Map.of("text", " "), 400);
  }

  private HttpResponse<String> upload(String user, String dealId, String fileName, byte[] content) throws Exception {
    String boundary = "----rekber" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/deals/" + dealId + "/dispute/evidence"))
        .header("Authorization", "Bearer " + Tokens.of(user))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(String user, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      request.header("Authorization", "Bearer " + Tokens.of(user));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

}
