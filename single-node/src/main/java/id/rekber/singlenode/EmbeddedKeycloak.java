package id.rekber.singlenode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak server for single-node mode: the {@code org.keycloak:keycloak-quarkus-dist} zip
 * from Maven Central (unpacked by the single-node module's build into {@code single-node/target/keycloak}), run as a child
 * process with {@code kc.sh start-dev} on 127.0.0.1, with the {@code rekber} realm imported.
 *
 * <p>What it keeps where:
 *
 * <ul>
 *   <li>Keycloak's own H2 database ({@code dev-file}) and its transaction log live under the data
 *       directory, so users who registered survive a restart. The realm file is imported only when
 *       the realm does not exist yet (Keycloak's {@code IGNORE_EXISTING}); delete
 *       {@code <dataDir>/h2} to start from the realm file again.
 *   <li>The realm file's placeholders (SMTP host and port, client secrets) get their values from
 *       {@link RealmPlaceholders}: the application's DEMO-ONLY client secrets, random ones for the
 *       clients only a cluster uses.
 *   <li>The realm's SMTP port comes from {@code ${REKBER_SMTP_PORT:3025}} in the realm file.
 *       Keycloak substitutes it at import time and stores the number, so on later starts this class
 *       updates the stored port through the admin API when the SMTP server moved. For that the
 *       first start creates a master-realm bootstrap admin client whose random secret is kept in
 *       {@code <dataDir>/bootstrap-admin-client-secret}.
 *   <li>Output goes to {@code <dataDir>/keycloak.log} (the previous run's to
 *       {@code keycloak.log.1}).
 * </ul>
 *
 * <p>The very first start of a freshly unpacked distribution takes about a minute longer: the zip
 * is built for production mode and {@code start-dev} re-augments it (rewrites {@code lib/quarkus}).
 * Starts are serialized through a lock file in the distribution so that two JVMs never do that at
 * the same time.
 */
public class EmbeddedKeycloak implements AutoCloseable {
  public static final String REALM = "rekber";
  static final String BOOTSTRAP_CLIENT_ID = "rekber-single-node-admin";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKeycloak.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  /** Extra time for the first start of a distribution (rebuild; 25 to 100 s on a busy 2-CPU machine). */
  private static final Duration REBUILD_ALLOWANCE = Duration.ofSeconds(180);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Object START_LOCK = new Object();

  private final Path distributionParent;
  private final Path realmFile;
  private final Path dataDir;
  private final int httpPort;
  private volatile int smtpPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
  private Process process;
  private Duration startupTime;

  /**
   * @param distributionParent the folder holding the unpacked {@code keycloak-<version>/}
   * @param realmFile the realm to import ({@code keycloak-realm/rekber-realm.json})
   * @param dataDir where Keycloak's database, log and admin secret are kept
   * @param httpPort the HTTP port on 127.0.0.1 (the issuer is {@code http://localhost:<port>/realms/rekber})
   * @param smtpPort the SMTP server on 127.0.0.1 that the realm sends its mails to
   */
  public EmbeddedKeycloak(Path distributionParent, Path realmFile, Path dataDir, int httpPort, int smtpPort) {
    this.distributionParent = distributionParent.toAbsolutePath().normalize();
    this.realmFile = realmFile.toAbsolutePath().normalize();
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.httpPort = httpPort;
    this.smtpPort = smtpPort;
  }

  public int port() {
    return httpPort;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public String issuerUri() {
    return baseUrl() + "/realms/" + REALM;
  }

  public Path logFile() {
    return dataDir.resolve("keycloak.log");
  }

  /** How long the last {@link #start()} took until the realm answered; null before. */
  public synchronized Duration startupTime() {
    return startupTime;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  public synchronized void start() {
    if (process != null) {
      throw new IllegalStateException("Keycloak was already started");
    }
    Path home = keycloakHome();
    if (!Files.isRegularFile(realmFile)) {
      throw new IllegalStateException("Realm file not found: " + realmFile);
    }
    try {
      Files.createDirectories(dataDir);
      synchronized (START_LOCK) {
        try (FileChannel lockFile = FileChannel.open(home.resolve(".rekber-start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = lockFile.lock()) {
          launch(home);
        }
      }
      updateSmtpPortIfMoved();
      addClientsMissingFromStoredRealm();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Keycloak did not start; see " + logFile(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void launch(Path home) throws IOException {
    LeftoverProcess.stopIfOurs(pidFile(), transactionLogs(), "Keycloak", STOP_TIMEOUT);
    requirePortFree();
    boolean reaugment = !builtForDevMode(home);
    Path importDir = home.resolve("data/import");
    Files.createDirectories(importDir);
    try (Stream<Path> old = Files.list(importDir)) {
      for (Path file : old.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    if (Files.exists(logFile())) {
      Files.move(logFile(), dataDir.resolve("keycloak.log.1"), StandardCopyOption.REPLACE_EXISTING);
    }

    Path kcSh = home.resolve("bin/kc.sh");
    if (!Files.isExecutable(kcSh)) {
      kcSh.toFile().setExecutable(true);
    }
    List<String> command = command(kcSh);
    log.debug("Keycloak command: {}", String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(logFile().toFile()));
    Map<String, String> env = builder.environment();
    // Whatever the user's shell has for the cluster's Keycloak (KC_DB, KC_HOSTNAME ...) is not for us.
    env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
    env.remove("JAVA_OPTS");
    env.remove("JAVA");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // Placeholders in the realm file (SMTP settings, client secrets), resolved by Keycloak when it imports the realm.
    env.putAll(placeholders());
    // Creates a master-realm admin client on the first start only (when the master realm is new).
    env.put("KC_BOOTSTRAP_ADMIN_CLIENT_ID", BOOTSTRAP_CLIENT_ID);
    env.put("KC_BOOTSTRAP_ADMIN_CLIENT_SECRET", bootstrapSecret());

    log.info(
        "Starting Keycloak {} on {} (log: {}){}",
        home.getFileName(),
        baseUrl(),
        logFile(),
        reaugment ? "; first start of this distribution, Keycloak rebuilds itself for dev mode (about a minute more)" : "");
    long started = System.nanoTime();
    process = builder.start();
    LeftoverProcess.record(pidFile(), process.pid()); // kc.sh; a leftover is stopped with the JVM it started
    ParentWatchdog.watch(process.pid(), "Keycloak", 30);
    awaitRealm(started, reaugment ? START_TIMEOUT.plus(REBUILD_ALLOWANCE) : START_TIMEOUT);
    startupTime = Duration.ofNanos(System.nanoTime() - started);
    log.info("Keycloak ready at {} in {} s (issuer {})", baseUrl(), String.format("%.1f", startupTime.toMillis() / 1000.0), issuerUri());
  }

  /** On Keycloak's command line, and names our data directory: how a leftover Keycloak is recognised. */
  private String transactionLogs() {
    return dataDir.resolve("transaction-logs").toString();
  }

  private Path pidFile() {
    return dataDir.resolve("keycloak.pid");
  }

  /** The kc.sh command line (the environment is set in {@link #launch}). */
  List<String> command(Path kcSh) {
    List<String> command = new ArrayList<>();
    command.add(kcSh.toString());
    command.add("start-dev");
    command.add("--import-realm");
    command.add("--http-host=127.0.0.1");
    command.add("--http-port=" + httpPort);
    command.add("--hostname=" + baseUrl());
    command.add("--db=dev-file");
    command.add("--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE");
    // Quarkus reads -D options; kc.sh hands them to the JVM. Keeps the Narayana object store out of the distribution.
    command.add("-Dquarkus.transaction-manager.object-store.directory=" + transactionLogs());
    return command;
  }

  private void awaitRealm(long started, Duration timeout) throws IOException {
    long deadline = started + timeout.toNanos();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      sleep(250);
    }
    throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + timeout.toSeconds() + " s:\n" + logTail());
  }

  /**
   * Keycloak resolved {@code ${REKBER_SMTP_PORT}} when it imported the realm and stored the number;
   * when the realm came from an earlier start with another SMTP port, point it at the current one.
   */
  /** Points the realm's mail at another SMTP port (a later application context in this JVM). */
  public synchronized void sendMailTo(int port) {
    if (port != smtpPort) {
      smtpPort = port;
      updateSmtpPortIfMoved();
    }
  }

  private void updateSmtpPortIfMoved() {
    try {
      String token = adminToken();
      if (token == null) {
        log.warn(
            "Cannot check the realm's SMTP port: no bootstrap admin client in {} (database created before it existed?)."
                + " Keycloak mails go to the port stored at import time; delete {} to re-import.",
            dataDir,
            dataDir.resolve("h2"));
        return;
      }
      ObjectMapper json = new ObjectMapper();
      URI realmUri = URI.create(baseUrl() + "/admin/realms/" + REALM);
      HttpResponse<String> realm = http.send(adminRequest(realmUri, token).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (realm.statusCode() != 200) {
        log.warn("Cannot read realm {} through the admin API: HTTP {}", REALM, realm.statusCode());
        return;
      }
      if (!(json.readTree(realm.body()).path("smtpServer") instanceof ObjectNode smtp)
          || Integer.toString(smtpPort).equals(smtp.path("port").asText())) {
        return;
      }
      String before = smtp.path("port").asText();
      smtp.put("port", Integer.toString(smtpPort));
      ObjectNode update = json.createObjectNode();
      update.set("smtpServer", smtp);
      HttpResponse<String> put =
          http.send(
              adminRequest(realmUri, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(update.toString())).build(),
              HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() / 100 == 2) {
        log.info("Realm {} now sends mail to SMTP port {} (was {})", REALM, smtpPort, before);
      } else {
        log.warn("Could not update realm {}'s SMTP port: HTTP {} {}", REALM, put.statusCode(), put.body());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not check realm {}'s SMTP port", REALM, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Keycloak imports the realm file only into a new database, so a realm stored by an earlier start
   * lacks the clients added to the file since (such as {@code rekber-app}, whose service account the
   * application needs to check that users are still enabled). Adds each missing client, and gives its
   * service account the client roles the file gives it. Existing clients are left as they are.
   */
  /** The realm file's placeholder values, the same for Keycloak's import and for clients added later. */
  private Map<String, String> placeholders() {
    return RealmPlaceholders.forSingleNode(System.getenv(), "127.0.0.1", smtpPort);
  }

  synchronized void addClientsMissingFromStoredRealm() {
    try {
      String token = adminToken();
      if (token == null) {
        log.warn("Cannot compare realm {} with {}: no bootstrap admin client in {}", REALM, realmFile, dataDir);
        return;
      }
      ObjectMapper json = new ObjectMapper();
      JsonNode file = json.readTree(RealmPlaceholders.resolve(Files.readString(realmFile), placeholders()));
      String admin = baseUrl() + "/admin/realms/" + REALM;
      for (JsonNode client : file.path("clients")) {
        String clientId = client.path("clientId").asText();
        if (clientUuid(json, admin, token, clientId) != null) {
          continue;
        }
        HttpResponse<String> created = http.send(
            adminRequest(URI.create(admin + "/clients"), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build(),
            HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
          log.warn("Could not add client {} to realm {}: HTTP {} {}", clientId, REALM, created.statusCode(), created.body());
          continue;
        }
        log.info("Added client {} to realm {} (the realm was stored before {} had it)", clientId, REALM, realmFile.getFileName());
        if (client.path("serviceAccountsEnabled").asBoolean(false)) {
          grantServiceAccountRoles(json, admin, token, file, clientId);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not compare realm {} with {}", REALM, realmFile, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void grantServiceAccountRoles(ObjectMapper json, String admin, String token, JsonNode file, String clientId)
      throws IOException, InterruptedException {
    String uuid = clientUuid(json, admin, token, clientId);
    HttpResponse<String> account =
        http.send(adminRequest(URI.create(admin + "/clients/" + uuid + "/service-account-user"), token).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (account.statusCode() != 200) {
      log.warn("Client {} has no service account user: HTTP {}", clientId, account.statusCode());
      return;
    }
    String userId = json.readTree(account.body()).path("id").asText();
    for (JsonNode user : file.path("users")) {
      if (!clientId.equals(user.path("serviceAccountClientId").asText())) {
        continue;
      }
      for (Map.Entry<String, JsonNode> roles : user.path("clientRoles").properties()) {
        String roleClient = clientUuid(json, admin, token, roles.getKey());
        ArrayNode grant = json.createArrayNode();
        for (JsonNode name : roles.getValue()) {
          HttpResponse<String> role = http.send(
              adminRequest(URI.create(admin + "/clients/" + roleClient + "/roles/" + URLEncoder.encode(name.asText(), StandardCharsets.UTF_8)), token).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (role.statusCode() == 200) {
            grant.add(json.readTree(role.body()));
          }
        }
        HttpResponse<String> mapped = http.send(
            adminRequest(URI.create(admin + "/users/" + userId + "/role-mappings/clients/" + roleClient), token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(grant.toString())).build(),
            HttpResponse.BodyHandlers.ofString());
        log.info("Service account of {} given {} roles {}: HTTP {}", clientId, roles.getKey(), roles.getValue(), mapped.statusCode());
      }
    }
  }

  /** Keycloak's id of the client with this clientId, or null if the realm has none. */
  private String clientUuid(ObjectMapper json, String admin, String token, String clientId) throws IOException, InterruptedException {
    HttpResponse<String> found = http.send(
        adminRequest(URI.create(admin + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)), token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (found.statusCode() != 200) {
      throw new IOException("Cannot list clients of realm " + REALM + ": HTTP " + found.statusCode());
    }
    JsonNode clients = json.readTree(found.body());
    return clients.isArray() && !clients.isEmpty() ? clients.get(0).path("id").asText() : null;
  }

  private String adminToken() throws IOException, InterruptedException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(BOOTSTRAP_CLIENT_ID, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(bootstrapSecret(), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return null;
    }
    return new ObjectMapper().readTree(response.body()).path("access_token").asText(null);
  }

  private static HttpRequest.Builder adminRequest(URI uri, String token) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
  }

  private String bootstrapSecret() {
    Path file = dataDir.resolve("bootstrap-admin-client-secret");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, secret + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // best effort
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops Keycloak (SIGTERM to kc.sh and the JVM it started, then SIGKILL after 30 s). Idempotent. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    Process stopping = process;
    process = null;
    if (!stopping.isAlive()) {
      return;
    }
    long started = System.nanoTime();
    List<ProcessHandle> tree = new ArrayList<>(stopping.descendants().toList());
    tree.add(stopping.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = started + STOP_TIMEOUT.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          handle.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception stillRunning) {
        // killed below
      }
    }
    boolean killed = false;
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
        killed = true;
      }
    }
    log.info("Keycloak at {} {} after {} ms", baseUrl(), killed ? "killed" : "stopped", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private Path keycloakHome() {
    try (Stream<Path> children = Files.list(distributionParent)) {
      List<Path> homes =
          children.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isRegularFile(p.resolve("bin/kc.sh"))).toList();
      if (homes.size() != 1) {
        throw new IllegalStateException(
            "Expected exactly one keycloak-<version>/ with bin/kc.sh in " + distributionParent + " but found " + homes
                + " (build the single-node module first: mvn -pl single-node package, which unpacks it)");
      }
      return homes.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No Keycloak distribution in " + distributionParent + " (build the single-node module first: mvn -pl single-node package, which unpacks it)", e);
    }
  }

  /** Whether {@code start-dev} can use the distribution as it is, without rebuilding it. */
  private static boolean builtForDevMode(Path home) {
    Path generated = home.resolve("lib/quarkus/generated-bytecode.jar");
    try (ZipFile jar = new ZipFile(generated.toFile())) {
      var entry = jar.getEntry("META-INF/keycloak-persisted.properties");
      if (entry == null) {
        return false;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("kc.profile=dev");
      }
    } catch (IOException e) {
      return false;
    }
  }

  private void requirePortFree() {
    try (ServerSocket probe = new ServerSocket(httpPort, 1, InetAddress.getLoopbackAddress())) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port " + httpPort + " on 127.0.0.1 is in use; is an earlier Keycloak still running? (see " + logFile() + ")", e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + logFile() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
    }
  }
}
