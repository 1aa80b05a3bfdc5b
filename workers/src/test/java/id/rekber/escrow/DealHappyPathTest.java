package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DealHappyPathTest {
  @LocalServerPort int port;
  Deals deals;

  @BeforeEach
  void setUp() {
    deals = new Deals(port);
  }

  @Test
  void sellerIsPaidAfterBuyerAcceptsGoods() {
    String id = deals.fundedDeal(SARI, BUDI, 250_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    deals.act(BUDI, id, "accept-goods");
    JsonNode done = deals.awaitStatus(SARI, id, "SELESAI");

    // 250.000 + 20.000 shipping; fee 2.5 % of 270.000 = 6.750 paid by the buyer.
    assertThat(done.get("fee").asLong()).isEqualTo(6_750);
    assertThat(done.get("buyerPays").asLong()).isEqualTo(276_750);
    assertThat(done.get("sellerReceives").asLong()).isEqualTo(270_000);

    JsonNode ledger = deals.as(SARI).get("/api/deals/" + id + "/ledger").json();
    assertThat(ledger).extracting(l -> l.get("kind").asText()).containsExactly(
        "PAYMENT", "PAYMENT", "RELEASE", "RELEASE", "RELEASE", "PAYOUT", "PAYOUT");
    long escrowLeft = 0;
    for (JsonNode line : ledger) {
      if (line.get("account").asText().equals("ESCROW_HELD") || line.get("account").asText().equals("SELLER_PAYABLE")) {
        escrowLeft += line.get("amount").asLong();
      }
    }
    assertThat(escrowLeft).isZero();
  }
}
