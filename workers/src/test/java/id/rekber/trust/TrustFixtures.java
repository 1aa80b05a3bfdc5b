package id.rekber.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.kyc.KycFixtures;
import id.rekber.support.ApiClient;
import id.rekber.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Members, reports and staff decisions for the trust tests, through the public API. */
final class TrustFixtures {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TrustFixtures() {}

  /** A KYC-verified seller with a fresh BCA account and phone number. */
  record Owner(String email, String account, String phone) {}

  static Owner verifiedOwner(int port, String keycloakDir, String first, String last) {
    String email = KycFixtures.newMember(keycloakDir, first, last);
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BCA", account, (first + " " + last).toUpperCase());
    Map<String, String> form = KycFixtures.cleanForm(first + " " + last, account);
    ApiClient.Response submitted = KycFixtures.submit(port, email, form, KycFixtures.JPEG, KycFixtures.PNG);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> KycFixtures.me(port, email).get("kycTier").asInt() == 1);
    return new Owner(email, account, form.get("phone"));
  }

  static ApiClient.Response report(int port, String email, Map<String, String> fields, byte[]... files) {
    return multipart(port, email, "/api/fraud-reports", fields, files);
  }

  static ApiClient.Response appeal(int port, String email, String reportId, String text, byte[]... files) {
    return multipart(port, email, "/api/fraud-reports/" + reportId + "/appeal", Map.of("text", text), files);
  }

  static Map<String, String> bankReport(String account) {
    return Map.of("kind", "BANK_ACCOUNT", "bankCode", "BCA", "number", account,
        "description", "Saya transfer Rp 1.500.000 untuk HP bekas, penjual menghilang dan memblokir WhatsApp saya.");
  }

  static String unownedAccount() {
    return "9" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
  }

  /** The open inbox task of this report at this element, as the given staff member sees it. */
  static long awaitTask(int port, String staff, String reportId, String elementId) {
    long[] key = new long[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (JsonNode t : ApiClient.as(port, staff).get("/api/inbox/tasks").json()) {
        if (elementId.equals(t.path("elementId").asText()) && t.path("variablesJson").asText().contains(reportId)) {
          key[0] = t.get("key").asLong();
          return true;
        }
      }
      return false;
    });
    return key[0];
  }

  static ApiClient.Response complete(int port, String staff, long task, Map<String, Object> decision) {
    return ApiClient.as(port, staff).post("/api/inbox/tasks/" + task + "/complete", decision);
  }

  static JsonNode awaitStatus(int port, String email, String reportId, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(ApiClient.as(port, email).get("/api/fraud-reports/" + reportId).json().path("status").asText()));
    return ApiClient.as(port, email).get("/api/fraud-reports/" + reportId).json();
  }

  private static ApiClient.Response multipart(int port, String email, String path, Map<String, String> fields, byte[]... files) {
    String boundary = "----trust" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
    int n = 0;
    for (byte[] file : files) {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bukti-" + (++n)
          + ".png\"\r\nContent-Type: image/png\r\n\r\n");
      body.writeBytes(file);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (email != null) {
      request.header("Authorization", "Bearer " + Tokens.of(email));
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
