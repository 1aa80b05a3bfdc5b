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
