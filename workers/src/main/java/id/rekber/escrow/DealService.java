package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.platform.Refusal;
import id.rekber.platform.Rupiah;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers and sellers ask of a deal. Each command checks the caller's role and the deal's
 * state, records the request, and tells the process; the process decides and moves the deal.
 */
@Service
public class DealService {
  private final DealRepository deals;
  private final DealEventRepository events;
  private final DealAccess access;
  private final FeeCalculator fees;
  private final DealMessages messages;
  private final EscrowOrchestration orchestration;
  private final EscrowProperties properties;
  private final BuyingLimits limits;
  private final Clock clock;
  private final ServiceTerms serviceTerms;
  private final AppUserRepository users;
  private final ObjectProvider<PremiumMembers> members;

  DealService(
      ServiceTerms serviceTerms,
      DealRepository deals,
      DealEventRepository events,
      DealAccess access,
      FeeCalculator fees,
      DealMessages messages,
      EscrowOrchestration orchestration,
      EscrowProperties properties,
      BuyingLimits limits,
      Clock clock,
      AppUserRepository users,
      ObjectProvider<PremiumMembers> members) {
    this.serviceTerms = serviceTerms;
    this.deals = deals;
    this.events = events;
    this.access = access;
    this.fees = fees;
    this.messages = messages;
    this.orchestration = orchestration;
    this.properties = properties;
    this.limits = limits;
    this.clock = clock;
    this.users = users;
    this.members = members;
  }

  @Transactional
  public Deal create(AppUser initiator, PartyRole myRole, DealTerms terms) {
    return create(initiator, myRole, terms, null);
  }

  /**
   * A new deal; {@code partner} is the partner (Keycloak client id) that creates it on the
   * initiator's behalf, or null. The fee is fixed now: a premium member's rate applies to deals
   * created while a party is a member (the counterparty known by e-mail), never to older ones.
   */
  @Transactional
  public Deal create(AppUser initiator, PartyRole myRole, DealTerms terms, String partner) {
    // Each part first: price + shipping near Long.MAX_VALUE must not wrap around below the limit.
    if (terms.price() > properties.maxDealAmount()
        || terms.shippingCost() > properties.maxDealAmount()
        || terms.feeBase() > properties.maxDealAmount()) {
      throw Refusal.invalid("deal.amount-over-limit", Rupiah.format(properties.maxDealAmount()));
    }
    if (terms.counterpartyEmail().trim().equalsIgnoreCase(initiator.getEmail())) {
      throw Refusal.invalid("deal.counterparty-is-self");
    }
    if (myRole == PartyRole.SELLER) {
      limits.checkCanSell(initiator);
    } else {
      limits.checkCanBuy(initiator, terms.feeBase(), null);
    }
    serviceTerms.check(terms);
    FeeQuote fee = fees.quote(terms.feeBase(), terms.feePayer(), memberBenefits(initiator, terms), partner);
    if (fee.sellerFee() >= terms.feeBase()) {
      throw Refusal.invalid("deal.amount-below-fee");
    }
    Instant now = clock.instant();
    // save merges (the id is assigned), so keep the managed copy: changes to the argument would be lost.
    Deal deal = deals.saveAndFlush(new Deal(DealIds.next(), terms, fee, initiator.getId(), myRole, now, now.plus(properties.acceptanceWindow())));
    events.save(new DealEvent(deal.getId(), "CREATED", initiator.getEmail(), myRole.name(), now));
    serviceTerms.store(deal, terms);
    orchestration.start(deal);
    return deal;
  }

  private Optional<MemberBenefits> memberBenefits(AppUser initiator, DealTerms terms) {
    PremiumMembers premium = members.getIfAvailable();
    if (premium == null) {
      return Optional.empty();
    }
    UUID counterparty = users.findByEmail(terms.counterpartyEmail().trim().toLowerCase(Locale.ROOT)).map(AppUser::getId).orElse(null);
    return premium.forDeal(initiator.getId(), counterparty);
  }

  @Transactional(readOnly = true)
  public Deal get(AppUser user, String dealId) {
    return access.visibleTo(user, dealId);
  }

  @Transactional(readOnly = true)
  public List<Deal> listFor(AppUser user) {
    return deals.findVisibleTo(user.getId(), user.getEmail());
  }

  @Transactional(readOnly = true)
  public List<DealEvent> timeline(AppUser user, String dealId) {
    access.visibleTo(user, dealId);
    return events.findByDealIdOrderByIdAsc(dealId);
  }

  @Transactional
  public Deal accept(AppUser user, String dealId) {
    Deal deal = lockVisible(user, dealId);
    boolean alreadyAccepted =
        deal.getStatus() == DealStatus.MENUNGGU_PERSETUJUAN
            && deal.roleOf(user.getId()).filter(r -> r != deal.getInitiatorRole()).isPresent();
    if (alreadyAccepted) {
      return deal; // a second tap on "accept" while the process catches up
    }
    if (!DealAccess.isInvitee(user, deal)) {
      throw deal.getStatus() == DealStatus.MENUNGGU_PERSETUJUAN
          ? Refusal.forbidden("deal.only-counterparty")
          : Refusal.conflict("deal.wrong-state", deal.getStatus());
    }
    if (deal.getInitiatorRole() == PartyRole.BUYER) {
      limits.checkCanSell(user);
    } else {
      limits.checkCanBuy(user, deal.getPrice() + deal.getShippingCost(), dealId);
    }
    deal.joinAsCounterparty(user.getId());
    record(deal, "ACCEPTED", user);
    deals.flush();
    messages.publish(DealMessages.DEAL_ACCEPTED, dealId);
    return deal;
  }

  @Transactional
  public Deal decline(AppUser user, String dealId) {
    Deal deal = lockVisible(user, dealId);
    if (!DealAccess.isInvitee(user, deal)) {
      throw deal.getStatus() == DealStatus.MENUNGGU_PERSETUJUAN
          ? Refusal.forbidden("deal.only-counterparty")
          : Refusal.conflict("deal.wrong-state", deal.getStatus());
    }
    record(deal, "DECLINED", user);
    messages.publish(DealMessages.DEAL_DECLINED, dealId);
    return deal;
  }

  /**
   * Before acceptance the initiator may withdraw; before payment either party may cancel; once
   * money is held, both must ask, and the process refunds the buyer. After shipping, only a
   * dispute can undo the deal.
   */
  @Transactional
  public Deal cancel(AppUser user, String dealId) {
    Deal deal = lockVisible(user, dealId);
    PartyRole role = deal.roleOf(user.getId()).orElseThrow(() -> Refusal.forbidden("deal.only-counterparty"));
    switch (deal.getStatus()) {
      case MENUNGGU_PERSETUJUAN, MENUNGGU_PEMBAYARAN -> {
        record(deal, "CANCELLED", user);
        messages.publish(DealMessages.DEAL_CANCELLED, dealId);
      }
      case DANA_DITAHAN -> {
        deal.requestCancellation(role);
        record(deal, "CANCELLATION_REQUESTED", user);
        if (deal.bothRequestedCancellation()) {
          deals.flush();
          messages.publish(DealMessages.CANCELLATION_AGREED, dealId);
        }
      }
      default -> throw Refusal.conflict("deal.wrong-state", deal.getStatus());
    }
    return deal;
  }

  @Transactional
  public Deal markShipped(AppUser user, String dealId, String courier, String trackingNumber) {
    // Who may act comes first: a stranger learns nothing about the deal from a validation error.
    Deal deal = lockAs(user, dealId, PartyRole.SELLER, DealStatus.DANA_DITAHAN);
    Shipment shipment = Shipment.of(courier, trackingNumber);
    record(deal, "SHIPMENT_REPORTED", user);
    messages.publish(
        DealMessages.GOODS_SHIPPED,
        dealId,
        DealMessages.GOODS_SHIPPED + ":" + dealId,
        Map.of("courier", shipment.courier(), "trackingNumber", shipment.trackingNumber()));
    return deal;
  }

  @Transactional
  public Deal confirmReceipt(AppUser user, String dealId) {
    Deal deal = lockAs(user, dealId, PartyRole.BUYER, DealStatus.DIKIRIM);
    if (deal.getDeliveredAt() != null) {
      throw Refusal.conflict("deal.already-delivered");
    }
    record(deal, "RECEIPT_CONFIRMED", user);
    messages.publish(DealMessages.GOODS_DELIVERED, dealId);
    return deal;
  }

  @Transactional
  public Deal acceptGoods(AppUser user, String dealId) {
    Deal deal = lockVisible(user, dealId);
    requireRole(deal, user, PartyRole.BUYER);
    // The verdict first: "already disputed" says more than the status the process moved it to.
    BuyerVerdict earlier = deal.getBuyerVerdict();
    if (earlier != null && earlier != BuyerVerdict.ACCEPTED) {
      throw Refusal.conflict("deal.verdict-taken", earlier);
    }
    requireStatus(deal, DealStatus.DIKIRIM);
    deal.recordVerdict(BuyerVerdict.ACCEPTED);
    record(deal, "GOODS_ACCEPTED", user);
    messages.publish(DealMessages.GOODS_ACCEPTED, dealId);
    return deal;
  }

  private Deal lockVisible(AppUser user, String dealId) {
    return access.lockedFor(user, dealId);
  }

  private Deal lockAs(AppUser user, String dealId, PartyRole role, DealStatus expected) {
    Deal deal = lockVisible(user, dealId);
    requireRole(deal, user, role);
    requireStatus(deal, expected);
    return deal;
  }

  private static void requireRole(Deal deal, AppUser user, PartyRole role) {
    if (deal.roleOf(user.getId()).filter(r -> r == role).isEmpty()) {
      throw Refusal.forbidden(role == PartyRole.SELLER ? "deal.only-seller" : "deal.only-buyer");
    }
  }

  private static void requireStatus(Deal deal, DealStatus expected) {
    if (deal.getStatus() != expected) {
      throw Refusal.conflict("deal.wrong-state", deal.getStatus());
    }
  }

  private void record(Deal deal, String type, AppUser user) {
    events.save(new DealEvent(deal.getId(), type, user.getEmail(), null, clock.instant()));
  }
}
