package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "The buyer may dispute now": DIKIRIM, delivered, before the inspection deadline. Plain Java. */
class DisputeWindowTest {
  private static final Instant CREATED = Instant.parse("2026-03-02T03:00:00Z");
  private static final Instant DELIVERED = CREATED.plus(Duration.ofDays(4));
  private static final int INSPECTION_DAYS = 3;
  private static final Instant DEADLINE = DELIVERED.plus(Duration.ofDays(INSPECTION_DAYS));

  @Test
  void closedBeforeTheGoodsAreShipped() {
    Deal deal = deal();
    for (DealStatus status : new DealStatus[] {DealStatus.MENUNGGU_PERSETUJUAN, DealStatus.MENUNGGU_PEMBAYARAN, DealStatus.DANA_DITAHAN}) {
      deal.moveTo(status, null, CREATED);
      assertThat(DisputeWindow.isOpen(deal, DELIVERED)).as(status.name()).isFalse();
    }
  }

  @Test
  void closedWhileShippedButNotDelivered() {
    Deal deal = shipped();
    assertThat(DisputeWindow.isOpen(deal, DELIVERED)).isFalse();
    assertThat(NextActions.of(deal, "BUYER", DELIVERED)).contains("confirm-receipt", "accept-goods").doesNotContain("dispute");
  }

  @Test
  void openDuringTheInspectionPeriod() {
    Deal deal = delivered();
    assertThat(deal.getInspectionDeadline()).isEqualTo(DEADLINE);
    assertThat(DisputeWindow.isOpen(deal, DELIVERED)).isTrue();
    assertThat(DisputeWindow.isOpen(deal, DEADLINE.minusSeconds(1))).isTrue();
    assertThat(NextActions.of(deal, "BUYER", DELIVERED)).containsExactly("accept-goods", "dispute");
    assertThat(NextActions.of(deal, "SELLER", DELIVERED)).isEmpty();
  }

  @Test
  void closedOnceTheInspectionDeadlineHasPassed() {
    Deal deal = delivered();
    // The timer may not have fired yet (the deal still shows DIKIRIM), but the window is shut.
    assertThat(DisputeWindow.isOpen(deal, DEADLINE)).isFalse();
    assertThat(DisputeWindow.isOpen(deal, DEADLINE.plusSeconds(1))).isFalse();
    assertThat(NextActions.of(deal, "BUYER", DEADLINE)).containsExactly("accept-goods");
  }

  @Test
  void closedOnceDisputedOrFinished() {
    for (DealStatus status : new DealStatus[] {DealStatus.SENGKETA, DealStatus.SELESAI, DealStatus.DIKEMBALIKAN, DealStatus.DIBATALKAN}) {
      Deal deal = delivered();
      deal.moveTo(status, null, DELIVERED);
      assertThat(DisputeWindow.isOpen(deal, DELIVERED)).as(status.name()).isFalse();
    }
  }

  private static Deal deal() {
    DealTerms terms = new DealTerms("Sepatu", null, 500_000, 20_000, 2, INSPECTION_DAYS, FeePayer.BUYER, "budi@rekber.test");
    Deal deal = new Deal("RB-TEST0001", terms, FeeQuote.of(13_000, FeePayer.BUYER), UUID.randomUUID(), PartyRole.SELLER, CREATED,
        CREATED.plus(Duration.ofDays(3)));
    deal.joinAsCounterparty(UUID.randomUUID());
    return deal;
  }

  private static Deal shipped() {
    Deal deal = deal();
    deal.moveTo(DealStatus.DIKIRIM, null, CREATED);
    deal.recordShipment("JNE", "JNE12345678", CREATED, Duration.ofDays(7));
    return deal;
  }

  private static Deal delivered() {
    Deal deal = shipped();
    deal.recordDelivery(DELIVERED);
    return deal;
  }
}
