package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of entering a lifecycle step, on a deal object alone (no Spring, no database). */
class LifecycleRulesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");
  private static final Duration FALLBACK = Duration.ofDays(7);

  @Test
  void aStatusStepIsFirstOnlyWhileTheDealIsNotInItYet() {
    Deal deal = accepted();
    assertThat(LifecycleRules.isFirstEntry(DealStep.MENUNGGU_PEMBAYARAN, deal, false)).isTrue();
    LifecycleRules.apply(deal, DealStep.MENUNGGU_PEMBAYARAN, null, Shipment.NONE, T0, FALLBACK);
    assertThat(deal.getStatus()).isEqualTo(DealStatus.MENUNGGU_PEMBAYARAN);
    assertThat(LifecycleRules.isFirstEntry(DealStep.MENUNGGU_PEMBAYARAN, deal, false)).as("redelivered job").isFalse();
  }

  @Test
  void fundsHeldSetsTheShipByDeadlineOnce() {
    Deal deal = accepted();
    LifecycleRules.apply(deal, DealStep.DANA_DITAHAN, null, Shipment.NONE, T0, FALLBACK);
    LifecycleRules.apply(deal, DealStep.DANA_DITAHAN, null, Shipment.NONE, T0.plus(Duration.ofHours(5)), FALLBACK);
    assertThat(deal.getShipDeadline()).isEqualTo(T0.plus(Duration.ofDays(3)));
  }

  @Test
  void shipmentRecordsCourierTrackingAndTheDeliveryFallbackOnce() {
    Deal deal = accepted();
    LifecycleRules.apply(deal, DealStep.DIKIRIM, null, new Shipment("JNE", "JNE123"), T0, FALLBACK);
    LifecycleRules.apply(deal, DealStep.DIKIRIM, null, new Shipment("SiCepat", "OTHER"), T0.plusSeconds(60), FALLBACK);
    assertThat(deal.getCourier()).isEqualTo("JNE");
    assertThat(deal.getTrackingNumber()).isEqualTo("JNE123");
    assertThat(deal.getDeliveryFallbackAt()).isEqualTo(T0.plus(FALLBACK));
    assertThat(deal.getStatus()).isEqualTo(DealStatus.DIKIRIM);
  }

  @Test
  void inspectionStartsOnceAtDeliveryAndKeepsTheStatus() {
    Deal deal = accepted();
    LifecycleRules.apply(deal, DealStep.DIKIRIM, null, new Shipment("JNE", "1"), T0, FALLBACK);
    assertThat(LifecycleRules.isFirstEntry(DealStep.INSPEKSI, deal, false)).isTrue();
    LifecycleRules.apply(deal, DealStep.INSPEKSI, null, Shipment.NONE, T0.plus(Duration.ofDays(2)), FALLBACK);
    assertThat(deal.getInspectionDeadline()).isEqualTo(T0.plus(Duration.ofDays(2 + 3)));
    assertThat(deal.getStatus()).isEqualTo(DealStatus.DIKIRIM);
    assertThat(LifecycleRules.isFirstEntry(DealStep.INSPEKSI, deal, false)).isFalse();
  }

  @Test
  void completionIsFirstOnlyOnceForEachEndingStep() {
    for (DealStep ending : new DealStep[] {DealStep.SELESAI, DealStep.REFUND_PAID, DealStep.SPLIT_PAID}) {
      Deal deal = accepted();
      assertThat(LifecycleRules.isFirstEntry(ending, deal, false)).as(ending.name()).isTrue();
      LifecycleRules.apply(deal, ending, null, Shipment.NONE, T0, FALLBACK);
      assertThat(deal.getCompletedAt()).isEqualTo(T0);
      assertThat(LifecycleRules.isFirstEntry(ending, deal, false)).as(ending.name()).isFalse();
    }
  }

  @Test
  void refundPaidIsAMilestoneThatKeepsTheStatus() {
    Deal deal = accepted();
    deal.moveTo(DealStatus.DIBATALKAN, "x", T0);
    LifecycleRules.apply(deal, DealStep.REFUND_PAID, null, Shipment.NONE, T0, FALLBACK);
    assertThat(deal.getStatus()).isEqualTo(DealStatus.DIBATALKAN);
  }

  @Test
  void disputeMilestonesAreFirstUntilTheTimelineHasThem() {
    Deal deal = accepted();
    assertThat(LifecycleRules.isFirstEntry(DealStep.SENGKETA_MEDIASI, deal, false)).isTrue();
    assertThat(LifecycleRules.isFirstEntry(DealStep.SENGKETA_MEDIASI, deal, true)).isFalse();
  }

  @Test
  void aCancellationAfterMoneyArrivedNeedsARefundOnce() {
    Deal paid = accepted();
    paid.recordPayment(T0);
    assertThat(LifecycleRules.needsLateRefund(DealStep.DIBATALKAN, DealLifecycle.REASON_PAYMENT_EXPIRED, paid, true)).isTrue();
    assertThat(LifecycleRules.needsLateRefund(DealStep.DIBATALKAN, DealLifecycle.REASON_PAYMENT_EXPIRED, paid, false)).as("redelivered").isFalse();
    assertThat(LifecycleRules.needsLateRefund(DealStep.DIBATALKAN, DealLifecycle.REASON_CANCELLED_AFTER_PAYMENT, paid, true))
        .as("the process refunds this one itself").isFalse();
    assertThat(LifecycleRules.needsLateRefund(DealStep.SELESAI, null, paid, true)).isFalse();
    assertThat(LifecycleRules.needsLateRefund(DealStep.DIBATALKAN, DealLifecycle.REASON_PAYMENT_EXPIRED, accepted(), true))
        .as("never paid").isFalse();
  }

  private static Deal accepted() {
    DealTerms terms = new DealTerms("Sepatu", "Ukuran 42", 250_000, 20_000, 3, 3, FeePayer.BUYER, "pembeli@example.com");
    Deal deal = new Deal("RB-TEST", terms, FeeQuote.of(6_750, FeePayer.BUYER), UUID.randomUUID(), PartyRole.SELLER, T0, T0.plus(Duration.ofDays(3)));
    deal.joinAsCounterparty(UUID.randomUUID());
    return deal;
  }
}
