package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules the deal row keeps by itself: who is who, what the buyer pays and the seller gets, and
 * that every recorded moment (payment, funds held, shipment, delivery, completion) is set once and
 * derives its deadline from the deal's own terms. Plain Java, no Spring, no database.
 */
class DealTest {
  static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");
  static final UUID SELLER = UUID.randomUUID();
  static final UUID BUYER = UUID.randomUUID();

  static DealTerms terms(FeePayer payer) {
    return new DealTerms("Sepatu lari", "Kondisi 90%", 100_000, 20_000, 3, 5, payer, "  Budi@Rekber.TEST ");
  }

  static Deal sellersDeal(FeePayer payer, long fee) {
    return new Deal("RB-1", terms(payer), FeeQuote.of(fee, payer), SELLER, PartyRole.SELLER, T0, T0.plus(Duration.ofDays(3)));
  }

  @Test
  void aNewDealWaitsForTheInvitedCounterpartyWhoseRoleIsTheOtherOne() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    assertThat(deal.getStatus()).isEqualTo(DealStatus.MENUNGGU_PERSETUJUAN);
    assertThat(deal.getSellerId()).isEqualTo(SELLER);
    assertThat(deal.getBuyerId()).isNull();
    assertThat(deal.getCounterpartyEmail()).isEqualTo("budi@rekber.test");
    assertThat(deal.getCreatedAt()).isEqualTo(T0);
    assertThat(deal.getAcceptDeadline()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(deal.roleOf(SELLER)).contains(PartyRole.SELLER);
    assertThat(deal.roleOf(BUYER)).isEmpty();

    deal.joinAsCounterparty(BUYER);
    assertThat(deal.getBuyerId()).isEqualTo(BUYER);
    assertThat(deal.getSellerId()).isEqualTo(SELLER);
    assertThat(deal.roleOf(BUYER)).contains(PartyRole.BUYER);
    assertThat(deal.partyId(PartyRole.BUYER)).isEqualTo(BUYER);
    assertThat(deal.partyId(PartyRole.SELLER)).isEqualTo(SELLER);
    assertThat(deal.roleOf(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aBuyerWhoCreatesTheDealIsTheBuyerAndTheInviteeBecomesTheSeller() {
    Deal deal = new Deal("RB-2", terms(FeePayer.BUYER), FeeQuote.of(5_000, FeePayer.BUYER), BUYER, PartyRole.BUYER, T0, T0);
    assertThat(deal.getBuyerId()).isEqualTo(BUYER);
    assertThat(deal.getSellerId()).isNull();
    deal.joinAsCounterparty(SELLER);
    assertThat(deal.getSellerId()).isEqualTo(SELLER);
    assertThat(deal.getInitiatorRole()).isEqualTo(PartyRole.BUYER);
  }

  @ParameterizedTest(name = "{0} pays a fee of {1}: buyer pays {2}, seller gets {3}")
  @CsvSource(delimiter = '|', textBlock = """
      BUYER  | 5000 | 125000 | 120000
      SELLER | 5000 | 120000 | 115000
      SPLIT  | 5001 | 122500 | 117499
      """)
  void theBuyerPaysPriceShippingAndTheirFeeTheSellerGetsPriceShippingLessTheirs(FeePayer payer, long fee, long gross, long proceeds) {
    Deal deal = sellersDeal(payer, fee);
    assertThat(deal.grossAmount()).isEqualTo(gross);
    assertThat(deal.sellerProceeds()).isEqualTo(proceeds);
    // Nothing is created or lost: what comes in is what goes out plus Rekber's fee.
    assertThat(deal.grossAmount()).isEqualTo(deal.sellerProceeds() + deal.getFee());
  }

  @Test
  void aPaymentIsRecordedOnceTheFirstMomentWins() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    deal.recordPayment(T0.plusSeconds(60));
    deal.recordPayment(T0.plusSeconds(120));
    assertThat(deal.getPaidAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void fundsHeldStartTheShipWindowOfTheAgreedDaysOnce() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    assertThat(deal.getShipDeadline()).isNull();
    deal.recordFundsHeld(T0);
    assertThat(deal.getShipDeadline()).isEqualTo(T0.plus(Duration.ofDays(3)));
    // A repeated signal (e.g. after recovery) does not push the deadline out.
    deal.recordFundsHeld(T0.plus(Duration.ofDays(1)));
    assertThat(deal.getShipDeadline()).isEqualTo(T0.plus(Duration.ofDays(3)));
  }

  @Test
  void theFirstShipmentIsKeptAndStartsTheDeliveryFallback() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    deal.recordShipment("JNE", "JNE-1", T0, Duration.ofDays(7));
    deal.recordShipment("SICEPAT", "SC-2", T0.plus(Duration.ofDays(1)), Duration.ofDays(7));
    assertThat(deal.getCourier()).isEqualTo("JNE");
    assertThat(deal.getTrackingNumber()).isEqualTo("JNE-1");
    assertThat(deal.getShippedAt()).isEqualTo(T0);
    assertThat(deal.getDeliveryFallbackAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
  }

  @Test
  void deliveryStartsTheInspectionPeriodOfTheAgreedDaysOnce() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    assertThat(deal.getInspectionDeadline()).isNull();
    deal.recordDelivery(T0);
    assertThat(deal.getDeliveredAt()).isEqualTo(T0);
    assertThat(deal.getInspectionDeadline()).isEqualTo(T0.plus(Duration.ofDays(5)));
    // The buyer confirming after the fallback already fired does not extend the inspection.
    deal.recordDelivery(T0.plus(Duration.ofDays(2)));
    assertThat(deal.getDeliveredAt()).isEqualTo(T0);
    assertThat(deal.getInspectionDeadline()).isEqualTo(T0.plus(Duration.ofDays(5)));
  }

  @Test
  void completionIsRecordedOnce() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    deal.recordCompletion(T0);
    deal.recordCompletion(T0.plusSeconds(1));
    assertThat(deal.getCompletedAt()).isEqualTo(T0);
  }

  @Test
  void aCancellationNeedsBothSidesAskingTheSameSideTwiceIsStillOne() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    assertThat(deal.bothRequestedCancellation()).isFalse();
    deal.requestCancellation(PartyRole.BUYER);
    deal.requestCancellation(PartyRole.BUYER);
    assertThat(deal.isBuyerCancelRequested()).isTrue();
    assertThat(deal.isSellerCancelRequested()).isFalse();
    assertThat(deal.bothRequestedCancellation()).isFalse();
    deal.requestCancellation(PartyRole.SELLER);
    assertThat(deal.bothRequestedCancellation()).isTrue();

    Deal sellerFirst = sellersDeal(FeePayer.BUYER, 5_000);
    sellerFirst.requestCancellation(PartyRole.SELLER);
    assertThat(sellerFirst.bothRequestedCancellation()).isFalse();
    sellerFirst.requestCancellation(PartyRole.BUYER);
    assertThat(sellerFirst.bothRequestedCancellation()).isTrue();
  }

  @Test
  void movingToAStatusRecordsTheReasonAndWhen() {
    Deal deal = sellersDeal(FeePayer.BUYER, 5_000);
    deal.moveTo(DealStatus.DIBATALKAN, "ACCEPTANCE_EXPIRED", T0.plus(Duration.ofDays(3)));
    assertThat(deal.getStatus()).isEqualTo(DealStatus.DIBATALKAN);
    assertThat(deal.getStatus().isFinal()).isTrue();
    assertThat(deal.getStatusReason()).isEqualTo("ACCEPTANCE_EXPIRED");
    assertThat(deal.getUpdatedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(deal.getCreatedAt()).isEqualTo(T0);
  }
}
