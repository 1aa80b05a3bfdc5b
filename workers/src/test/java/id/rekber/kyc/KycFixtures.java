package id.rekber.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.KeycloakAdmin;
import id.rekber.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh members for KYC tests (each registered in the test run's Keycloak with a verified e-mail,
 * password "rekber-demo"), real-shaped KYC data for them, and multipart submissions over the API.
 */
public final class KycFixtures {
  public static final byte[] JPEG = image("jpg");
  public static final byte[] PNG = image("png");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000) + 1);

  private KycFixtures() {}

  /** A real, decodable little picture, so browsers show it. */
  private static byte[] image(String format) {
    try {
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = img.createGraphics();
      g.setColor(new java.awt.Color(0x1f6feb));
      g.fillRect(0, 0, 64, 40);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(6, 6, 20, 28);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A new verified member in Keycloak; their Rekber profile appears on their first request. */
  public static String newMember(String keycloakDir, String firstName, String lastName) {
    String email = new KeycloakAdmin(keycloakDir).newMember(firstName, lastName);
    Tokens.of(email);
    return email;
  }

  /** A phone number nobody in this run has (0812 and 8 digits). */
  public static String newPhone() {
    return "0812" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
  }

  /** The code the single-node sandbox sent last to the member's phone, read like the dev mailbox. */
  public static String lastPhoneCode(int port, String email) {
    ApiClient.Response messages = ApiClient.as(port, email).get("/api/dev/messages");
    assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
    assertThat(messages.json().size()).as("messages to " + email).isPositive();
    java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(messages.json().get(0).get("text").asText());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  /** Verifies a new phone number for the member by one-time code, as a seller must (decision 42); returns it normalized. */
  public static String verifyPhone(int port, String email) {
    String phone = newPhone();
    ApiClient.Response sent = ApiClient.as(port, email).post("/api/me/phone/code", Map.of("phone", phone));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    ApiClient.Response verified = ApiClient.as(port, email).post("/api/me/phone/verify", Map.of("code", lastPhoneCode(port, email)));
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    return verified.json().get("phone").asText();
  }

  /** A NIK for a person born on that date in Jakarta Selatan (31 74 01), unique in this run. */
  public static String nik(String ddmmyy, boolean woman) {
    int day = Integer.parseInt(ddmmyy.substring(0, 2)) + (woman ? 40 : 0);
    return "317401" + String.format("%02d", day) + ddmmyy.substring(2) + String.format("%04d", SERIAL.getAndIncrement() % 9999 + 1);
  }

  public static String newAccountNumber() {
    return "7" + String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
  }

  /** Opens an account at the sandbox bank so the account inquiry finds it under that holder name. */
  public static void openBankAccount(int port, String bankCode, String number, String holder) {
    ApiClient.Response r = ApiClient.anonymous(port).post("/sandbox/api/bank-accounts", Map.of("bankCode", bankCode, "accountNumber", number, "holderName", holder));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  /** Clean data for a man born 17 August 1990: every check passes once the account is opened. */
  public static Map<String, String> cleanForm(String fullName, String account) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("fullName", fullName);
    form.put("gender", "M");
    form.put("birthDate", "1990-08-17");
    form.put("nik", nik("170890", false));
    form.put("phone", "0812" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L)));
    form.put("bankCode", "BCA");
    form.put("bankAccountNumber", account);
    return form;
  }

  public static ApiClient.Response submit(int port, String email, Map<String, String> fields, byte[] ktp, byte[] selfie) {
    String boundary = "----kyc" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
    if (ktp != null) {
      file(body, boundary, "ktpPhoto", "ktp.jpg", ktp);
    }
    if (selfie != null) {
      file(body, boundary, "selfie", "selfie.jpg", selfie);
    }
    write(body, "--" + boundary + "--\r\n");
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kyc/submissions"))
        .header("Authorization", "Bearer " + Tokens.of(email)).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    return new ApiClient.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
  }

  private static void file(ByteArrayOutputStream body, String boundary, String name, String filename, byte[] bytes) {
    // The declared type lies on purpose sometimes: the server must judge by content.
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
    body.writeBytes(bytes);
    write(body, "\r\n");
  }

  public static JsonNode me(int port, String email) {
    ApiClient.Response r = ApiClient.as(port, email).get("/api/kyc/me");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
