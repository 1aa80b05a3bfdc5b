package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.RekberApplication;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.Deals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded engine forgets everything on restart; PostgreSQL does not. After a restart, deals
 * carry on from where they waited, with their deadlines, and no money moves twice.
 */
@Tag("full-stack")
@Tag("own-jvm") // two embedded engines in one JVM interfere; see workers/pom.xml
class RestartRecoveryTest {
  @Test
  void dealsCarryOnAfterTheApplicationRestarts() throws Exception {
    Path dataDir = Files.createTempDirectory("rekber-restart");
    String shippedDeal;
    String waitingDeal;
    try (ConfigurableApplicationContext first = start(dataDir)) {
      Deals deals = new Deals(port(first));
      shippedDeal = deals.fundedDeal(SARI, BUDI, 210_000);
      deals.ship(SARI, shippedDeal);
      deals.awaitStatus(BUDI, shippedDeal, "DIKIRIM");
      waitingDeal = deals.fundedDeal(SARI, BUDI, 95_000);
    }

    try (ConfigurableApplicationContext second = start(dataDir)) {
      Deals deals = new Deals(port(second));
      // The shipped deal waits for delivery again: the buyer accepts and the seller is paid once.
      deals.act(BUDI, shippedDeal, "accept-goods");
      deals.awaitStatus(SARI, shippedDeal, "SELESAI");
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE deal_id = ?", Integer.class, shippedDeal)).isEqualTo(3);

      // The other deal's ship-by timer was rebuilt from the stored deadline.
      second.getBean(TimeMachine.class).advance(Duration.ofDays(3).plusMinutes(1));
      deals.awaitStatus(BUDI, waitingDeal, "DIBATALKAN");
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(RekberApplication.class)
        .profiles("test")
        .run("--rekber.test.run-id=unused", "--rekber.single-node.data-dir=" + dataDir, "--server.port=0");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
