package id.rekber.escrow;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deal page's diagram markers come from what the engine recorded for the deal's instance. */
@IntegrationTest
class DealProgressTest {
  @LocalServerPort int port;
  @Autowired DealProgress progress;
  @Autowired DealRepository deals;

  @Test
  void aFundedDealWaitsForShipmentHavingPassedAcceptanceAndPayment() {
    String id = new Deals(port).fundedDeal(SARI, BUDI, 200_000);

    DealProgress.Steps steps = progress.of(deals.findById(id).orElseThrow());

    assertThat(steps.active()).containsExactly("Gateway_AwaitShipment");
    assertThat(steps.done())
        .contains("StartEvent_DealCreated", "Task_MarkAwaitingAcceptance", "Event_DealAccepted", "Task_CreatePaymentInvoice",
            "Event_PaymentReceived", "Task_MarkFundsHeld", "Flow_DealCreatedToMarkAwaitingAcceptance")
        .doesNotContain("Gateway_AwaitShipment", "Event_GoodsShipped", "Event_DealDeclined", "Task_ReleaseFunds");
  }

  @Test
  void aCompletedDealHasNothingActiveAndEndedAtCompletion() {
    Deals api = new Deals(port);
    String id = api.fundedDeal(SARI, BUDI, 200_000);
    api.ship(SARI, id);
    api.awaitStatus(BUDI, id, "DIKIRIM");
    api.act(BUDI, id, "accept-goods");
    api.awaitStatus(BUDI, id, "SELESAI");

    org.awaitility.Awaitility.await().untilAsserted(() -> {
      DealProgress.Steps steps = progress.of(deals.findById(id).orElseThrow());
      assertThat(steps.active()).isEmpty();
      assertThat(steps.done()).contains("Event_GoodsShipped", "Task_ReleaseFunds", "Task_PayOutToSeller", "EndEvent_DealCompleted")
          .doesNotContain("Event_ShipDeadlinePassed", "Task_RefundFunds");
    });
  }

  @Test
  void aDealWithoutAnInstanceShowsNoMarkers() {
    assertThat(progress.of(new Deal()).active()).isEmpty();
  }
}
