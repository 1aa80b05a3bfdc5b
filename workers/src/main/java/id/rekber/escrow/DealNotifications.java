package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.notification.Formats;
import id.rekber.platform.Rupiah;
import id.rekber.notification.Outbox;
import id.rekber.web.Languages;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells each party of a deal what just happened and what to do next, in their language. Mails go
 * through the outbox, deduplicated per deal, step and role, so a redelivered job sends nothing new.
 */
@Component
class DealNotifications {
  private final Outbox outbox;
  private final AppUserRepository users;
  private final EscrowProperties properties;

  DealNotifications(Outbox outbox, AppUserRepository users, EscrowProperties properties) {
    this.outbox = outbox;
    this.users = users;
    this.properties = properties;
  }

  void announce(Deal deal, DealStep step, String reason) {
    for (PartyRole role : PartyRole.values()) {
      Recipient recipient = recipient(deal, role);
      boolean initiatorWaits = step == DealStep.MENUNGGU_PERSETUJUAN && role == deal.getInitiatorRole();
      String template = "mail." + step.name() + "." + (initiatorWaits ? "INITIATOR" : role.name());
      if (recipient == null || !outbox.hasTemplate(template)) {
        continue;
      }
      Locale locale = recipient.locale();
      Object[] args = {
        deal.getId(),
        deal.getItemName(),
        Rupiah.format(role == PartyRole.BUYER ? deal.grossAmount() : deal.sellerProceeds()),
        Formats.wib(deadlineOf(deal, step), locale),
        properties.publicUrl() + "/deals/" + deal.getId(),
        reason == null ? "" : outbox.text("reason." + reason, locale),
        counterpartName(deal, role),
        deal.getCourier() == null ? "" : deal.getCourier(),
        deal.getTrackingNumber() == null ? "" : deal.getTrackingNumber()
      };
      outbox.enqueue(deal.getId() + ":" + step.name() + ":" + role.name(), deal.getId(), recipient.email(), locale, template, args);
    }
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
