package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each viewer may do in each status: every status × every role (buyer, seller, invited
 * counterparty, anyone else), and the two facts inside a status that change the answer (who already
 * asked to cancel; whether delivery was confirmed). Plain Java, no Spring.
 */
class NextActionsTest {
  static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
  static final List<String> ROLES = Arrays.asList("BUYER", "SELLER", "INVITEE", null);

  /**
   * The whole table. A new status or role fails {@link #theTableCoversEveryStatusAndRole} until it
   * is added here. "INVITEE" exists only before acceptance (afterwards the invitee is the buyer or
   * seller); its later rows pin what the code answers, not a case users meet.
   */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    expect(DealStatus.MENUNGGU_PERSETUJUAN, "BUYER", "cancel");
    expect(DealStatus.MENUNGGU_PERSETUJUAN, "SELLER", "cancel");
    expect(DealStatus.MENUNGGU_PERSETUJUAN, "INVITEE", "accept", "decline");
    expect(DealStatus.MENUNGGU_PERSETUJUAN, null);
    expect(DealStatus.MENUNGGU_PEMBAYARAN, "BUYER", "pay", "cancel");
    expect(DealStatus.MENUNGGU_PEMBAYARAN, "SELLER", "cancel");
    expect(DealStatus.MENUNGGU_PEMBAYARAN, "INVITEE", "cancel");
    expect(DealStatus.MENUNGGU_PEMBAYARAN, null);
    expect(DealStatus.DANA_DITAHAN, "BUYER", "cancel");
    expect(DealStatus.DANA_DITAHAN, "SELLER", "ship", "cancel");
    expect(DealStatus.DANA_DITAHAN, "INVITEE", "cancel");
    expect(DealStatus.DANA_DITAHAN, null);
    expect(DealStatus.DIKIRIM, "BUYER", "confirm-receipt", "accept-goods");
    expect(DealStatus.DIKIRIM, "SELLER");
    expect(DealStatus.DIKIRIM, "INVITEE");
    expect(DealStatus.DIKIRIM, null);
    expect(DealStatus.SENGKETA, "BUYER", "dispute");
    expect(DealStatus.SENGKETA, "SELLER", "dispute");
    expect(DealStatus.SENGKETA, "INVITEE", "dispute");
    expect(DealStatus.SENGKETA, null);
    for (DealStatus done : List.of(DealStatus.SELESAI, DealStatus.DIBATALKAN, DealStatus.DIKEMBALIKAN)) {
      for (String role : ROLES) {
        expect(done, role);
      }
    }
  }

  private static void expect(DealStatus status, String role, String... actions) {
    EXPECTED.put(key(status, role), List.of(actions));
  }

  private static String key(DealStatus status, String role) {
    return status + "/" + role;
  }

  static Stream<Arguments> everyStatusAndRole() {
    List<Arguments> all = new ArrayList<>();
    for (DealStatus status : DealStatus.values()) {
      for (String role : ROLES) {
        all.add(Arguments.of(status, role));
      }
    }
    return all.stream();
  }

  @Test
  void theTableCoversEveryStatusAndRole() {
    assertThat(EXPECTED).hasSize(DealStatus.values().length * ROLES.size());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyStatusAndRole")
  void eachViewerSeesWhatTheyMayDoNow(DealStatus status, String role) {
    assertThat(EXPECTED).as("no expectation for %s", key(status, role)).containsKey(key(status, role));
    assertThat(NextActions.of(dealIn(status), role, NOW)).containsExactlyElementsOf(EXPECTED.get(key(status, role)));
  }

  @Test
  void finalStatusesOfferNothingToAnyone() {
    for (DealStatus status : DealStatus.values()) {
      if (status.isFinal()) {
        for (String role : ROLES) {
          assertThat(NextActions.of(dealIn(status), role, NOW)).as("%s as %s", status, role).isEmpty();
        }
      }
    }
  }

  @Test
  void whoeverAlreadyAskedToCancelAHeldDealIsNotOfferedItAgainTheOtherSideStillIs() {
    Deal buyerAsked = dealIn(DealStatus.DANA_DITAHAN);
    buyerAsked.requestCancellation(PartyRole.BUYER);
    assertThat(NextActions.of(buyerAsked, "BUYER", NOW)).isEmpty();
    assertThat(NextActions.of(buyerAsked, "SELLER", NOW)).containsExactly("ship", "cancel");

    Deal sellerAsked = dealIn(DealStatus.DANA_DITAHAN);
    sellerAsked.requestCancellation(PartyRole.SELLER);
    assertThat(NextActions.of(sellerAsked, "SELLER", NOW)).containsExactly("ship");
    assertThat(NextActions.of(sellerAsked, "BUYER", NOW)).containsExactly("cancel");

    Deal bothAsked = dealIn(DealStatus.DANA_DITAHAN);
    bothAsked.requestCancellation(PartyRole.BUYER);
    bothAsked.requestCancellation(PartyRole.SELLER);
    assertThat(NextActions.of(bothAsked, "BUYER", NOW)).isEmpty();
    assertThat(NextActions.of(bothAsked, "SELLER", NOW)).containsExactly("ship");
  }

  @Test
  void onceDeliveryIsConfirmedTheBuyerMayAcceptOrDisputeButNotConfirmAgain() {
    Deal delivered = dealIn(DealStatus.DIKIRIM);
    delivered.recordDelivery(NOW);
    assertThat(NextActions.of(delivered, "BUYER", NOW)).containsExactly("accept-goods", "dispute");
    assertThat(NextActions.of(delivered, "SELLER", NOW)).isEmpty();
  }

  @Test
  void afterTheInspectionPeriodTheBuyerMayNoLongerDispute() {
    Deal delivered = dealIn(DealStatus.DIKIRIM);
    delivered.recordDelivery(NOW);
    assertThat(NextActions.of(delivered, "BUYER", delivered.getInspectionDeadline().plusSeconds(1))).containsExactly("accept-goods");
  }

  /** A seller-created deal moved to {@code status}, with nobody having asked to cancel and nothing delivered. */
  static Deal dealIn(DealStatus status) {
    DealTerms terms = new DealTerms("Sepatu lari", "Bekas", 100_000, 20_000, 3, 3, FeePayer.BUYER, "budi@rekber.test");
    Deal deal = new Deal("RB-TEST", terms, FeeQuote.of(5_000, FeePayer.BUYER), UUID.randomUUID(), PartyRole.SELLER, NOW, NOW.plus(Duration.ofDays(3)));
    deal.joinAsCounterparty(UUID.randomUUID());
    deal.moveTo(status, null, NOW);
    return deal;
  }
}
