package id.rekber.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rekber in a JVM of its own, started with {@code scripts/start.sh} — the start-up code of the
 * README's run command — on fixed ports and a data directory that outlive it, so it can be killed
 * with SIGKILL and started again on the same state.
 */
final class RekberProcess implements AutoCloseable {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Ports ports;
  private final Process process;
  private final Path log;

  private RekberProcess(Ports ports, Process process, Path log) {
    this.ports = ports;
    this.process = process;
    this.log = log;
  }

  /** Free ports, chosen once and kept across restarts (Keycloak's issuer is in the tokens). */
  record Ports(int http, int postgres, int engine, int smtp, int keycloak) {
    static Ports free() throws IOException {
      return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }

  static RekberProcess start(Path dataDir, Ports ports, String name) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("scripts/start.sh").toString()));
    command.addAll(List.of(
        "--server.port=" + ports.http(),
        "--rekber.single-node.data-dir=" + dataDir,
        "--rekber.single-node.postgres-port=" + ports.postgres(),
        "--rekber.single-node.engine-port=" + ports.engine(),
        "--rekber.single-node.smtp-port=" + ports.smtp(),
        "--rekber.single-node.keycloak-port=" + ports.keycloak(),
        "--rekber.payment.sandbox-payout-delay=PT0.2S",
        "--rekber.engine.relay-interval=PT0.2S"));
    Path log = dataDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("REKBER_JAVA", ProcessHandle.current().info().command().orElse("java"));
    builder.environment().put("REKBER_JAVA_OPTS", "-Xmx1g");
    RekberProcess rekber = new RekberProcess(ports, builder.start(), log);
    rekber.awaitReady(Duration.ofMinutes(8));
    return rekber;
  }

  String keycloakUrl() {
    return "http://localhost:" + ports.keycloak();
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/postgres", "postgres", ""));
  }

  /** SIGKILL: no shutdown hook runs, Keycloak and PostgreSQL are left behind as orphans. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy(); // SIGTERM: Spring stops Keycloak and PostgreSQL with it
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private void awaitReady(Duration limit) {
    URI readiness = URI.create("http://127.0.0.1:" + ports.http() + "/actuator/health/readiness");
    try {
      org.awaitility.Awaitility.await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("Rekber exited with " + process.exitValue() + ":\n" + logTail());
        }
        try {
          return HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
              .statusCode() == 200;
        } catch (IOException notYet) {
          return false;
        }
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException("Rekber not ready within " + limit + ":\n" + logTail(), e);
    }
  }
}
