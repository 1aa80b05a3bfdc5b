package id.rekber.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Single-node mode: starts PostgreSQL, the Zeebe engine and an SMTP server inside this process and
 * makes the datasource, the Camunda client and the mail sender wait for them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SingleNodeCondition.class)
public class SingleNodeConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgres(
      @Value("${rekber.single-node.data-dir:./data}") Path dataDir,
      @Value("${rekber.single-node.postgres-binaries:${rekber.single-node.data-dir:./data}/pgsql-17}") Path binaries,
      @Value("${" + SingleNodeEnvironmentPostProcessor.POSTGRES_PORT + "}") int port) {
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, binaries, port);
    server.start();
    return server;
  }

  @Bean(destroyMethod = "stop")
  ZeebeTestEngine embeddedEngine(
      @Value("${" + SingleNodeEnvironmentPostProcessor.ENGINE_PORT + "}") int port) {
    ZeebeTestEngine engine = EngineFactory.create(port);
    InMemoryLogGuard.apply(engine);
    engine.start();
    return engine;
  }

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtp(@Value("${" + SingleNodeEnvironmentPostProcessor.SMTP_PORT + "}") int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return greenMail;
  }

  /** Shared by every context in this JVM and stopped by SharedKeycloak's shutdown hook, not here. */
  @Bean(destroyMethod = "")
  EmbeddedKeycloak embeddedKeycloak(
      // Strings, not Paths: Spring's Path conversion treats "../" as a resource path and rejects it.
      @Value("${rekber.single-node.keycloak.distribution:workers/target/keycloak}") String distribution,
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

  @Bean
  TimeMachine timeMachine(ZeebeTestEngine engine, AppClock clock) {
    return new TimeMachine(engine, clock);
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
