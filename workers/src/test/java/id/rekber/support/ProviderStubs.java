package id.rekber.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * WireMock playing Midtrans, Iris and Xendit (under /midtrans, /iris, /xendit), with bodies written
 * from the vendors' documentation ({@code src/test/resources/wiremock/*}/SOURCES.md). One server per
 * test JVM: the shared full-stack context points its adapters at it (see ProviderStubsEnvironment).
 */
public final class ProviderStubs {
  private static WireMockServer server;

  private ProviderStubs() {}

  public static synchronized WireMockServer server() {
    if (server == null) {
      server = new WireMockServer(options().dynamicPort().notifier(new ConsoleNotifier(false)));
      server.start();
    }
    return server;
  }

  public static String baseUrl() {
    return "http://localhost:" + server().port();
  }

  /** A documented body with the example ids replaced by the test's (e.g. PAY-RB-7KQ2M9XA by the deal's order id). */
  public static String body(String file, Map<String, String> replacements) {
    try (InputStream in = ProviderStubs.class.getResourceAsStream("/wiremock/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no stub body " + file);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String body(String file) {
    return body(file, Map.of());
  }
}
