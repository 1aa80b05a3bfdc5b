package id.rekber.singlenode;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Keycloak per JVM: it takes the better part of a minute to start, so application contexts in
 * the same JVM (tests, a restart test) share it. It stops when the JVM does.
 */
public final class SharedKeycloak {
  private static final Logger log = LoggerFactory.getLogger(SharedKeycloak.class);
  private static EmbeddedKeycloak running;

  private SharedKeycloak() {}

  /** The port of the Keycloak already running in this JVM, or the requested one. */
  static synchronized int portOr(int requested) {
    return running == null ? requested : running.port();
  }

  static synchronized EmbeddedKeycloak start(Path distribution, Path realmFile, Path dataDir, int port, int smtpPort) {
    if (running == null) {
      EmbeddedKeycloak keycloak = new EmbeddedKeycloak(distribution, realmFile, dataDir, port, smtpPort);
      keycloak.start();
      Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
      running = keycloak;
    } else {
      log.info("Reusing the Keycloak already running at {}", running.baseUrl());
      running.sendMailTo(smtpPort);
    }
    return running;
  }

  /** For tests and scripts: the running Keycloak's address. */
  public static synchronized String baseUrl() {
    if (running == null) {
      throw new IllegalStateException("Keycloak is not running in this JVM");
    }
    return running.baseUrl();
  }
}
