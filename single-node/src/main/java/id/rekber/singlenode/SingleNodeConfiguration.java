package id.rekber.singlenode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Single-node mode: starts PostgreSQL, the Zeebe engine, an SMTP server and Keycloak inside this
 * process and makes the datasource, the Camunda client, the mail sender and the OIDC beans wait for
 * them. An auto-configuration (listed in {@code META-INF/spring/...AutoConfiguration.imports}),
 * active when {@code rekber.mode} is {@code single-node} or absent; the application finds it only
 * when this module is on its class path (tests, {@code scripts/run.sh} through {@code loader.path}).
 *
 * <p>The application sees these beans only through JDK and Jakarta types: the {@link Clock}
 * ({@link AdjustableClock}), the received mails ({@code Supplier<MimeMessage[]>} named
 * {@value #RECEIVED_MAILS}), the engine's status ({@code Supplier<Map<String, Long>>} named
 * {@value #ENGINE_STATUS}) and its replacement ({@code Runnable} named {@value #ENGINE_REPLACEMENT}),
 * plus the engine itself through the engine's own API ({@code ZeebeTestEngine}).
 */
@AutoConfiguration
@ConditionalOnProperty(name = SingleNodeConfiguration.MODE_PROPERTY, havingValue = "single-node", matchIfMissing = true)
public class SingleNodeConfiguration {
  public static final String MODE_PROPERTY = "rekber.mode";
  /** Name of the {@code Supplier<MimeMessage[]>} bean with every mail the embedded SMTP server received. */
  public static final String RECEIVED_MAILS = "receivedMails";
  /** Name of the {@code Supplier<Map<String, Long>>} bean with the engine's log size and generation. */
  public static final String ENGINE_STATUS = "engineStatus";
  /** Name of the {@code Runnable} bean that replaces the engine by a fresh one. */
  public static final String ENGINE_REPLACEMENT = "engineReplacement";

  /** The same rule as the class's condition, for code that runs before conditions (the environment post-processor). */
  static boolean isActive(Environment environment) {
    return "single-node".equalsIgnoreCase(environment.getProperty(MODE_PROPERTY, "single-node").strip());
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgres(
      @Value("${rekber.single-node.data-dir:./data}") Path dataDir,
      @Value("${rekber.single-node.postgres-binaries:${rekber.single-node.data-dir:./data}/pgsql-17}") Path binaries,
      @Value("${" + SingleNodeEnvironmentPostProcessor.POSTGRES_PORT + "}") int port) {
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, binaries, port);
    server.start();
    return server;
  }

  /** The engine; the application sees it as a {@code ZeebeTestEngine} and through the two beans below. */
  @Bean(destroyMethod = "stop")
  EmbeddedEngine embeddedEngine(
      @Value("${" + SingleNodeEnvironmentPostProcessor.ENGINE_PORT + "}") int port, AdjustableClock clock) {
    EmbeddedEngine engine = new EmbeddedEngine(port, clock);
    engine.start();
    return engine;
  }

  /** The size of the engine's in-memory log and how often it was replaced ({@link EmbeddedEngine#status()}). */
  @Bean(name = ENGINE_STATUS)
  Supplier<Map<String, Long>> engineStatus(EmbeddedEngine embeddedEngine) {
    return embeddedEngine::status;
  }

  /**
   * Replaces the engine by a fresh one on the same port ({@link EmbeddedEngine#replace()}); the
   * application runs it only while nothing talks to the engine, then redeploys and rebuilds.
   */
  @Bean(name = ENGINE_REPLACEMENT)
  Runnable engineReplacement(EmbeddedEngine embeddedEngine) {
    return embeddedEngine::replace;
  }

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtp(@Value("${" + SingleNodeEnvironmentPostProcessor.SMTP_PORT + "}") int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  /** Keeps only the newest mails in GreenMail's memory ({@code 0}: all). */
  @Bean(destroyMethod = "close")
  MailboxLimit mailboxLimit(GreenMail embeddedSmtp, @Value("${rekber.single-node.mailbox-limit:2000}") int keep) {
    return new MailboxLimit(embeddedSmtp, keep, java.time.Duration.ofSeconds(30));
  }

  /** Shared by every context in this JVM and stopped by SharedKeycloak's shutdown hook, not here. */
  @Bean(destroyMethod = "")
  EmbeddedKeycloak embeddedKeycloak(
      // Strings, not Paths: Spring's Path conversion treats "../" as a resource path and rejects it.
      @Value("${rekber.single-node.keycloak.distribution:single-node/target/keycloak}") String distribution,
      @Value("${rekber.single-node.keycloak.realm-file:keycloak-realm/rekber-realm.json}") String realmFile,
      @Value("${rekber.single-node.data-dir:./data}") String dataDir,
      @Value("${" + SingleNodeEnvironmentPostProcessor.KEYCLOAK_PORT + "}") int port,
      @Value("${" + SingleNodeEnvironmentPostProcessor.SMTP_PORT + "}") int smtpPort) {
    return SharedKeycloak.start(Path.of(distribution), Path.of(realmFile), Path.of(dataDir, "keycloak"), port, smtpPort);
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor oidcClientWaitsForKeycloak() {
    return new AbstractDependsOnBeanFactoryPostProcessor(ClientRegistrationRepository.class, "embeddedKeycloak") {};
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor jwtDecoderWaitsForKeycloak() {
    return new AbstractDependsOnBeanFactoryPostProcessor(JwtDecoder.class, "embeddedKeycloak") {};
  }

  @Bean(name = RECEIVED_MAILS)
  Supplier<MimeMessage[]> receivedMails(GreenMail embeddedSmtp) {
    return embeddedSmtp::getReceivedMessages;
  }

  /** The application's clock; the application's own fallback ({@code Clock.systemUTC()}) backs off. */
  @Bean
  AdjustableClock adjustableClock() {
    return new AdjustableClock();
  }

  @Bean
  TimeMachine timeMachine(EmbeddedEngine embeddedEngine, AdjustableClock clock) {
    return new TimeMachine(embeddedEngine, clock);
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor dataSourceWaitsForPostgres() {
    return new AbstractDependsOnBeanFactoryPostProcessor(DataSource.class, "embeddedPostgres") {};
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor camundaClientWaitsForEngine() {
    return new AbstractDependsOnBeanFactoryPostProcessor(CamundaClient.class, "embeddedEngine") {};
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor mailSenderWaitsForSmtp() {
    return new AbstractDependsOnBeanFactoryPostProcessor(JavaMailSender.class, "embeddedSmtp") {};
  }
}
