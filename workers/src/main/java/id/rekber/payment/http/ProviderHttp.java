package id.rekber.payment.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.payment.ProviderRefusedException;
import id.rekber.payment.ProviderUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way adapters talk to providers. Classifies every outcome the same way for all providers
 * (docs/payment-providers.md, "Errors, retries, incidents"): timeouts, connection failures, 5xx and
 * 429 are {@link ProviderUnavailableException}; 401/403 a configuration {@link ProviderRefusedException};
 * every other answer is returned for the adapter to read. Each call is logged and recorded in
 * {@code provider_call} with our reference and the amount, never with headers, keys or bodies.
 */
public class ProviderHttp {
  private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

  private final HttpClient client;
  private final ProviderHttpProperties properties;
  private final ProviderCallLog calls;
  private final ObjectMapper json;
  private final Clock clock;

  public ProviderHttp(ProviderHttpProperties properties, ProviderCallLog calls, ObjectMapper json, Clock clock) {
    this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    this.properties = properties;
    this.calls = calls;
    this.json = json;
    this.clock = clock;
  }

  /** HTTP Basic with the key as user name and an empty password, as Midtrans, Iris and Xendit all document. */
  public static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  public ProviderResponse send(ProviderCall call) {
    try {
      return attempt(call, 1);
    } catch (ProviderUnavailableException e) {
      if (!call.read()) {
        throw e;
      }
      return attempt(call, 2);
    }
  }

  private ProviderResponse attempt(ProviderCall call, int attempt) {
    long started = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = client.send(request(call), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      record(call, attempt, started, null, null, "connection failed");
      throw new ProviderUnavailableException(call.provider() + " " + call.operation() + " " + call.reference() + ": connection failed", false);
    } catch (IOException e) {
      String what = e instanceof java.net.http.HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
      record(call, attempt, started, null, null, what);
      throw new ProviderUnavailableException(call.provider() + " " + call.operation() + " " + call.reference() + ": " + what, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException(call.provider() + " " + call.operation() + ": interrupted", true);
    }
    ProviderResponse answer = new ProviderResponse(response.statusCode(), parse(response.body()));
    String code = providerCode(answer);
    String message = providerMessage(answer);
    record(call, attempt, started, answer.status(), code, message);
    int status = answer.status();
    if (status >= 500 || status == 429) {
      throw new ProviderUnavailableException(
          call.provider() + " " + call.operation() + " " + call.reference() + ": HTTP " + status + " " + (message == null ? "" : message), true);
    }
    if (status == 401 || status == 403) {
      throw new ProviderRefusedException(call.provider(), code == null ? String.valueOf(status) : code, message, true);
    }
    return answer;
  }

  private HttpRequest request(ProviderCall call) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(call.url())).timeout(properties.readTimeout())
        .header("Accept", "application/json");
    call.headers().forEach(builder::header);
    if (call.body() == null) {
      builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        builder.header("Content-Type", "application/json")
            .method(call.method(), HttpRequest.BodyPublishers.ofString(json.writeValueAsString(call.body()), StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return builder.build();
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  /** Midtrans' {@code status_code}, Iris' and Xendit's {@code error_code}. */
  static String providerCode(ProviderResponse r) {
    String code = r.text("error_code");
    return code != null ? code : r.text("status_code");
  }

  /** Midtrans' {@code status_message}, Iris' {@code error_message}, Xendit's {@code message}. */
  public static String providerMessage(ProviderResponse r) {
    for (String field : new String[] {"error_message", "status_message", "message"}) {
      String text = r.text(field);
      if (text != null) {
        return text.length() <= 500 ? text : text.substring(0, 500);
      }
    }
    JsonNode errors = r.body().path("errors");
    return errors.isMissingNode() ? null : truncate(errors.toString());
  }

  private void record(ProviderCall call, int attempt, long started, Integer status, String code, String message) {
    long ms = (System.nanoTime() - started) / 1_000_000;
    String line = "Provider call {} {} ref={} key={} amount={} attempt={} -> {} {} {} ({} ms)";
    Object[] args = {call.provider(), call.operation(), call.reference(), call.idempotencyKey(), call.amount(), attempt,
        status == null ? "no answer" : status, code == null ? "" : code, message == null ? "" : message, ms};
    if (status != null && status < 400) {
      log.info(line, args);
    } else {
      log.warn(line, args);
    }
    try {
      calls.record(new ProviderCallLog.Entry(call.provider(), call.operation(), call.reference(), call.idempotencyKey(), call.amount(),
          status, code, message == null ? null : truncate(message), ms, attempt, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("provider_call not recorded: {}", e.toString());
    }
  }

  private static String truncate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }
}
