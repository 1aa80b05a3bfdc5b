package id.rekber.singlenode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered in {@code META-INF/spring.factories}. In single-node mode, fixes the ports of the embedded PostgreSQL, Zeebe gateway and SMTP server
 * (a configured port, or a free one for 0) and points the datasource, the Camunda client and Spring
 * Mail at them, before any bean is created. Job workers stream their jobs from the embedded engine
 * ({@code rekber.single-node.job-streaming}, default true).
 */
public class SingleNodeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
  static final String POSTGRES_PORT = "rekber.single-node.postgres-port";
  static final String ENGINE_PORT = "rekber.single-node.engine-port";
  static final String SMTP_PORT = "rekber.single-node.smtp-port";
  static final String KEYCLOAK_PORT = "rekber.single-node.keycloak-port";
  /** Whether job workers take their jobs as a stream from the embedded engine (default true). */
  static final String JOB_STREAMING = "rekber.single-node.job-streaming";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!SingleNodeConfiguration.isActive(env)) {
      return;
    }
    int postgres = resolvePort(env, POSTGRES_PORT, 54329);
    int engine = resolvePort(env, ENGINE_PORT, 26500);
    int smtp = resolvePort(env, SMTP_PORT, 3025);
    int keycloak = SharedKeycloak.portOr(resolvePort(env, KEYCLOAK_PORT, 8180));

    Map<String, Object> props = new HashMap<>();
    props.put(POSTGRES_PORT, postgres);
    props.put(ENGINE_PORT, engine);
    props.put(SMTP_PORT, smtp);
    props.put(KEYCLOAK_PORT, keycloak);
    props.put("rekber.identity.issuer-uri", "http://localhost:" + keycloak + "/realms/rekber");
    props.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + postgres + "/postgres");
    props.put("spring.datasource.username", "postgres");
    props.put("spring.datasource.password", "");
    props.put("camunda.client.mode", "self-managed");
    props.put("camunda.client.grpc-address", "http://127.0.0.1:" + engine);
    // The embedded engine has no REST API; the address is never used while gRPC is preferred.
    props.put("camunda.client.rest-address", "http://127.0.0.1:" + engine);
    props.put("camunda.client.prefer-rest-over-grpc", false);
    props.put("camunda.client.auth.method", "none");
    // The embedded gateway answers every job poll at once (no long polling), and each poll is two
    // records in the engine's in-memory log: polling workers wrote about 420 log entries (130 KB) a
    // second while Rekber sat idle. With job streaming the engine pushes jobs as they are created and
    // the workers poll only as a fallback, backing off to every few seconds (docs/benchmarks.md).
    props.put("camunda.client.worker.defaults.stream-enabled", env.getProperty(JOB_STREAMING, Boolean.class, true));
    props.put("spring.mail.host", "127.0.0.1");
    props.put("spring.mail.port", smtp);
    env.getPropertySources().addFirst(new MapPropertySource("rekberSingleNode", props));
  }

  private static int resolvePort(ConfigurableEnvironment env, String key, int defaultPort) {
    int port = env.getProperty(key, Integer.class, defaultPort);
    return port == 0 ? freePort() : port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
