package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where a deal resumes after a restart, for every status and every state of its money (no Spring). */
class RecoveryPointTest {
  private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

  private final Money money = new Money();

  @Test
  void anUnacceptedDealWaitsForItsCounterparty() {
    assertThat(resume(created())).hasValue(EscrowProcess.AWAIT_COUNTERPARTY);
  }

  @Test
  void anAcceptedDealWhoseInvoiceWasNotYetCreatedCreatesIt() {
    Deal deal = created();
    deal.joinAsCounterparty(UUID.randomUUID());
    assertThat(resume(deal)).hasValue(EscrowProcess.CREATE_PAYMENT_INVOICE);
  }

  @Test
  void anUnpaidDealWaitsForPayment() {
    assertThat(resume(in(accepted(), DealStatus.MENUNGGU_PEMBAYARAN))).hasValue(EscrowProcess.AWAIT_PAYMENT);
  }

  @Test
  void aPaidDealWhoseFundsAreNotMarkedHeldMarksThem() {
    Deal deal = in(accepted(), DealStatus.MENUNGGU_PEMBAYARAN);
    deal.recordPayment(NOW);
    assertThat(resume(deal)).hasValue(EscrowProcess.MARK_FUNDS_HELD);
  }

  @Test
  void heldFundsWaitForTheShipment() {
    assertThat(resume(in(accepted(), DealStatus.DANA_DITAHAN))).hasValue(EscrowProcess.AWAIT_SHIPMENT);
  }

  @Test
  void aShippedDealWaitsForDeliveryUntilDelivered() {
    Deal deal = shipped();
    assertThat(resume(deal)).hasValue(EscrowProcess.AWAIT_DELIVERY);
    deal.recordDelivery(NOW);
    assertThat(resume(deal)).hasValue(EscrowProcess.AWAIT_BUYER_VERDICT);
  }

  @Test
  void aVerdictRecordedBeforeTheCrashIsActedOnEvenIfItsMessageIsLost() {
    Deal accepted = shipped();
    accepted.recordDelivery(NOW);
    accepted.recordVerdict(BuyerVerdict.ACCEPTED);
    assertThat(resume(accepted)).hasValue(EscrowProcess.JOIN_RELEASE);

    Deal silent = shipped();
    silent.recordVerdict(BuyerVerdict.TIMED_OUT);
    assertThat(resume(silent)).hasValue(EscrowProcess.JOIN_RELEASE);

    Deal disputed = shipped();
    disputed.recordVerdict(BuyerVerdict.DISPUTED);
    assertThat(resume(disputed)).hasValue(EscrowProcess.JOIN_DISPUTE);
  }

  @Test
  void theFirstVerdictStands() {
    Deal deal = shipped();
    assertThat(deal.recordVerdict(BuyerVerdict.DISPUTED)).isEqualTo(BuyerVerdict.DISPUTED);
    assertThat(deal.recordVerdict(BuyerVerdict.ACCEPTED)).isEqualTo(BuyerVerdict.DISPUTED);
    assertThat(deal.recordVerdict(BuyerVerdict.TIMED_OUT)).isEqualTo(BuyerVerdict.DISPUTED);
  }

  @Test
  void aReleasedDealPaysTheSellerThenCompletes() {
    Deal deal = shipped();
    money.entries.add("RELEASE");
    assertThat(resume(deal)).hasValue(EscrowProcess.PAY_OUT_TO_SELLER);
    money.payouts.add("RELEASE");
    assertThat(resume(deal)).hasValue(EscrowProcess.MARK_DEAL_COMPLETED);
  }

  @Test
  void aSplitDealMakesItsPayouts() {
    Deal deal = in(shipped(), DealStatus.SENGKETA);
    money.entries.add("SPLIT");
    assertThat(resume(deal)).hasValue(EscrowProcess.SPLIT_PAYOUTS);
  }

  @Test
  void aDisputeWithoutADecisionIsMediatedAgain() {
    assertThat(resume(in(shipped(), DealStatus.SENGKETA))).hasValue(EscrowProcess.AWAIT_DISPUTE_RESOLUTION);
  }

  @Test
  void aDisputeDecidedForTheSellerPaysOut() {
    Deal deal = in(shipped(), DealStatus.SENGKETA);
    money.entries.add("RELEASE");
    assertThat(resume(deal)).hasValue(EscrowProcess.PAY_OUT_TO_SELLER);
  }

  @Test
  void aCancelledDealThatWasNeverPaidHasNothingLeft() {
    assertThat(resume(in(accepted(), DealStatus.DIBATALKAN))).isEmpty();
  }

  @Test
  void aCancelledPaidDealIsRefundedThroughEveryStep() {
    Deal deal = in(accepted(), DealStatus.DIBATALKAN);
    money.entries.add("PAYMENT");
    assertThat(resume(deal)).hasValue(EscrowProcess.JOIN_REFUND);
    money.entries.add("REFUND");
    assertThat(resume(deal)).hasValue(EscrowProcess.PAY_OUT_REFUND);
    money.payouts.add("REFUND");
    assertThat(resume(deal)).hasValue(EscrowProcess.MARK_REFUND_PAID);
    deal.recordCompletion(NOW);
    assertThat(resume(deal)).isEmpty();
  }

  @Test
  void aRefundedDisputeFollowsTheSameRefundSteps() {
    Deal deal = in(shipped(), DealStatus.DIKEMBALIKAN);
    money.entries.add("PAYMENT");
    money.entries.add("REFUND");
    assertThat(resume(deal)).hasValue(EscrowProcess.PAY_OUT_REFUND);
  }

  @Test
  void aCompletedDealHasNothingLeft() {
    Deal deal = in(shipped(), DealStatus.SELESAI);
    money.entries.add("RELEASE");
    assertThat(resume(deal)).isEmpty();
  }

  private Optional<String> resume(Deal deal) {
    return RecoveryPoint.of(deal, money);
  }

  private static Deal created() {
    DealTerms terms = new DealTerms("Sepatu", "Ukuran 42", 250_000, 20_000, 3, 3, FeePayer.BUYER, "pembeli@example.com");
    return new Deal("RB-TEST", terms, FeeQuote.of(6_750, FeePayer.BUYER), UUID.randomUUID(), PartyRole.SELLER, NOW, NOW.plus(Duration.ofDays(3)));
  }

  private static Deal accepted() {
    Deal deal = created();
    deal.joinAsCounterparty(UUID.randomUUID());
    return deal;
  }

  private static Deal shipped() {
    Deal deal = in(accepted(), DealStatus.DIKIRIM);
    deal.recordPayment(NOW);
    deal.recordShipment("JNE", "JNE123", NOW, Duration.ofDays(7));
    return deal;
  }

  private static Deal in(Deal deal, DealStatus status) {
    deal.moveTo(status, null, NOW);
    return deal;
  }

  /** Ledger entry kinds and completed payout purposes the deal has. */
  private static final class Money implements SettlementFacts {
    final Set<String> entries = new HashSet<>();
    final Set<String> payouts = new HashSet<>();

    @Override
    public boolean hasEntry(String dealId, String entryKind) {
      return entries.contains(entryKind);
    }

    @Override
    public boolean payoutCompleted(String dealId, String purpose) {
      return payouts.contains(purpose);
    }
  }
}
