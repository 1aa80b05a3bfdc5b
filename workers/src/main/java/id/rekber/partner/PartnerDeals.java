package id.rekber.partner;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEventRecorded;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.DealService;
import id.rekber.escrow.DealTerms;
import id.rekber.escrow.FeePayer;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.payment.Payment;
import id.rekber.payment.PaymentRepository;
import id.rekber.platform.PublicUrl;
import id.rekber.platform.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals a partner creates and reads. A partner sees only the deals it created (partner_deal); any
 * other deal id answers 404 like an unknown one (decision 22).
 */
@Service
class PartnerDeals {
  private final DealService deals;
  private final DealRepository dealRows;
  private final AppUserRepository users;
  private final Profiles profiles;
  private final PaymentRepository payments;
  private final JdbcTemplate jdbc;
  private final PublicUrl urls;
  private final Clock clock;
  private final PartnerWebhooks webhooks;

  PartnerDeals(DealService deals, DealRepository dealRows, AppUserRepository users, Profiles profiles, PaymentRepository payments,
      JdbcTemplate jdbc, PublicUrl urls, Clock clock, PartnerWebhooks webhooks) {
    this.webhooks = webhooks;
    this.deals = deals;
    this.dealRows = dealRows;
    this.users = users;
    this.profiles = profiles;
    this.payments = payments;
    this.jdbc = jdbc;
    this.urls = urls;
    this.clock = clock;
  }

  @Transactional
  PartnerDealView create(String partner, PartnerDealRequest r) {
    PartyRole initiatorRole = r.initiator() == null ? PartyRole.SELLER : r.initiator();
    boolean sellerStarts = initiatorRole == PartyRole.SELLER;
    AppUser initiator = member(sellerStarts ? r.sellerEmail() : r.buyerEmail(), sellerStarts ? r.sellerPhone() : r.buyerPhone(),
            sellerStarts ? "sellerEmail" : "buyerEmail")
        .orElseThrow(() -> Refusal.invalid("partner.initiator-unknown"));
    String counterpartyEmail = counterpartyEmail(sellerStarts ? r.buyerEmail() : r.sellerEmail(), sellerStarts ? r.buyerPhone() : r.sellerPhone());
    DealTerms terms = new DealTerms(
        r.itemName().trim(),
        r.itemDescription() == null || r.itemDescription().isBlank() ? null : r.itemDescription().trim(),
        r.price(),
        r.shippingCost() == null ? 0 : r.shippingCost(),
        r.shipWithinDays() == null ? 3 : r.shipWithinDays(),
        r.inspectionDays() == null ? 3 : r.inspectionDays(),
        r.feePayer() == null ? FeePayer.BUYER : r.feePayer(),
        counterpartyEmail);
    Deal deal = deals.create(initiator, initiatorRole, terms, partner);
    String ref = r.externalRef() == null || r.externalRef().isBlank() ? null : r.externalRef().trim();
    jdbc.update("INSERT INTO partner_deal (deal_id, partner_id, external_ref, created_at) VALUES (?, ?, ?, ?)",
        deal.getId(), partner, ref, Timestamp.from(clock.instant()));
    // The deal's CREATED line was recorded before it was known to be this partner's.
    webhooks.onDealEvent(new DealEventRecorded(deal.getId(), "CREATED", deal.getCreatedAt()));
    return view(deal, ref);
  }

  @Transactional(readOnly = true)
  PartnerDealView get(String partner, String dealId) {
    String ref = ownedRef(partner, dealId);
    return view(dealRows.findById(dealId).orElseThrow(() -> Refusal.notFound("deal.not-found", dealId)), ref);
  }

  @Transactional(readOnly = true)
  List<PartnerDealView> list(String partner) {
    return jdbc.query("SELECT deal_id, external_ref FROM partner_deal WHERE partner_id = ? ORDER BY created_at DESC LIMIT 200",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, partner)
        .stream()
        .map(row -> view(dealRows.findById(row[0]).orElseThrow(), row[1]))
        .toList();
  }

  /** Throws "not found" unless this partner created the deal; returns its external reference. */
  String ownedRef(String partner, String dealId) {
    return jdbc.query("SELECT external_ref FROM partner_deal WHERE deal_id = ? AND partner_id = ?", (rs, i) -> Optional.ofNullable(rs.getString(1)),
            dealId, partner)
        .stream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("deal.not-found", dealId))
        .orElse(null);
  }

  private PartnerDealView view(Deal deal, String ref) {
    String checkout = payments.findByDealId(deal.getId())
        .filter(p -> Payment.PENDING.equals(p.getStatus()) && p.getCheckoutUrl() != null)
        .map(p -> p.getCheckoutUrl().startsWith("http") ? p.getCheckoutUrl() : urls.of(p.getCheckoutUrl()))
        .orElse(null);
    return PartnerDealView.of(deal, ref, urls.of("/deals/" + deal.getId()), checkout);
  }

  private Optional<AppUser> member(String email, String phone, String field) {
    if (email != null && !email.isBlank()) {
      return users.findByEmail(email.trim().toLowerCase(Locale.ROOT));
    }
    if (phone != null && !phone.isBlank()) {
      String normalized = PhoneNumbers.normalize(phone).orElseThrow(() -> Refusal.invalid("partner.phone-invalid"));
      return profiles.byPhone(normalized);
    }
    throw Refusal.invalid("partner.party-required", field);
  }

  /** The other party is invited by e-mail; given a phone, the member with that verified phone. */
  private String counterpartyEmail(String email, String phone) {
    if (email != null && !email.isBlank()) {
      return email.trim();
    }
    if (phone != null && !phone.isBlank()) {
      String normalized = PhoneNumbers.normalize(phone).orElseThrow(() -> Refusal.invalid("partner.phone-invalid"));
      return profiles.byPhone(normalized).map(AppUser::getEmail).orElseThrow(() -> Refusal.invalid("partner.counterparty-phone-unknown"));
    }
    throw Refusal.invalid("partner.party-required", "counterparty");
  }
}
