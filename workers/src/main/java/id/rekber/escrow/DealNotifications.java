package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.platform.Rupiah;
import id.rekber.notification.Outbox;
import id.rekber.platform.Languages;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells each party of a deal what just happened and what to do next, in their language. Mails go
 * through the outbox, deduplicated per deal, step and role, so a redelivered job sends nothing new.
 * The texts are {@code templates/mail/<language>/deal/<STEP>.<ROLE or INITIATOR>.txt}.
 */
@Component
class DealNotifications {
  private final Outbox outbox;
  private final AppUserRepository users;
  private final EscrowProperties properties;
  private final MilestoneRepository milestones;

  DealNotifications(Outbox outbox, AppUserRepository users, EscrowProperties properties, MilestoneRepository milestones) {
    this.outbox = outbox;
    this.users = users;
    this.properties = properties;
    this.milestones = milestones;
  }

  void announce(Deal deal, DealStep step, String reason) {
    for (PartyRole role : PartyRole.values()) {
      Recipient recipient = recipient(deal, role);
      boolean initiatorWaits = step == DealStep.MENUNGGU_PERSETUJUAN && role == deal.getInitiatorRole();
      String template = "deal/" + step.name() + "." + (initiatorWaits ? "INITIATOR" : role.name());
      if (recipient == null || !outbox.hasTemplate(template)) {
        continue;
      }
      Locale locale = recipient.locale();
      Map<String, Object> variables = new HashMap<>();
      variables.put("dealId", deal.getId());
      variables.put("item", deal.getItemName());
      variables.put("amount", Rupiah.of(role == PartyRole.BUYER ? buyerAmount(deal, step) : deal.sellerProceeds()));
      variables.put("total", Rupiah.of(deal.grossAmount()));
      variables.put("perMilestone", deal.isFundedPerMilestone());
      variables.put("deadline", deadlineOf(deal, step));
      variables.put("link", properties.publicUrl() + "/deals/" + deal.getId());
      variables.put("reason", reason == null ? null : outbox.text("reason." + reason, locale));
      variables.put("counterpart", counterpartName(deal, role));
      variables.put("courier", deal.getCourier());
      variables.put("trackingNumber", deal.getTrackingNumber());
      variables.put("service", deal.isServiceDeal());
      outbox.enqueue(deal.getId() + ":" + step.name() + ":" + role.name(), deal.getId(), recipient.email(), locale, template, variables);
    }
  }

  /**
   * One milestone's news (decision 46), {@code templates/mail/<language>/deal/<EVENT>.<ROLE>.txt},
   * deduplicated per milestone: {@code amount} is what the milestone holds.
   */
  void announceMilestone(Deal deal, int seq, String event, long amount, Instant deadline) {
    for (PartyRole role : PartyRole.values()) {
      Recipient recipient = recipient(deal, role);
      String template = "deal/" + event + "." + role.name();
      if (recipient == null || !outbox.hasTemplate(template)) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put("dealId", deal.getId());
      variables.put("item", deal.getItemName());
      variables.put("milestone", seq);
      variables.put("description", milestones.findByDealIdAndSeq(deal.getId(), (short) seq).map(Milestone::getDescription).orElse(""));
      variables.put("amount", Rupiah.of(amount));
      variables.put("deadline", deadline);
      variables.put("link", properties.publicUrl() + "/deals/" + deal.getId());
      outbox.enqueue(deal.getId() + "#" + seq + ":" + event + ":" + role.name(), deal.getId(), recipient.email(), recipient.locale(),
          template, variables);
    }
  }

  /** Funded per milestone, the deal's own invoice asks for (and its payment holds) milestone 1's share only. */
  private long buyerAmount(Deal deal, DealStep step) {
    boolean firstInvoice = step == DealStep.MENUNGGU_PEMBAYARAN || step == DealStep.DANA_DITAHAN;
    if (!firstInvoice || !deal.isFundedPerMilestone()) {
      return deal.grossAmount();
    }
    return MilestoneShares.of(deal, milestones.findByDealIdOrderBySeqAsc(deal.getId()), 1).held();
  }

  private Recipient recipient(Deal deal, PartyRole role) {
    UUID id = deal.partyId(role);
    if (id != null) {
      AppUser user = users.findById(id).orElseThrow();
      return new Recipient(user.getEmail(), Languages.supported(user.getLocale()));
    }
    if (role != deal.getInitiatorRole()) {
      return users
          .findByEmail(deal.getCounterpartyEmail())
          .map(u -> new Recipient(u.getEmail(), Languages.supported(u.getLocale())))
          .orElse(new Recipient(deal.getCounterpartyEmail(), Languages.INDONESIAN));
    }
    return null;
  }

  private String counterpartName(Deal deal, PartyRole role) {
    UUID other = deal.partyId(role.other());
    if (other == null) {
      return deal.getCounterpartyEmail();
    }
    return users.findById(other).map(AppUser::getDisplayName).orElse("");
  }

  private static Instant deadlineOf(Deal deal, DealStep step) {
    return switch (step) {
      case MENUNGGU_PERSETUJUAN -> deal.getAcceptDeadline();
      case MENUNGGU_PEMBAYARAN -> deal.getPaymentDeadline();
      case DANA_DITAHAN -> deal.getShipDeadline();
      case DIKIRIM -> deal.getDeliveryFallbackAt();
      case INSPEKSI -> deal.getInspectionDeadline();
      default -> null;
    };
  }

  private record Recipient(String email, Locale locale) {}
}
