package id.rekber.dispute;

import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.EscrowProperties;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.notification.Outbox;
import id.rekber.platform.Languages;
import id.rekber.platform.Rupiah;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Dispute mails through the outbox, in each party's language (templates
 * {@code templates/mail/<language>/dispute/<stage, decision or resolved>.<ROLE>.txt}) with the
 * variables dealId, item, deadline, link (the dispute page), outcome, toBuyer, toSeller, reason.
 */
@Component
class DisputeNotifications {
  private final Outbox outbox;
  private final DealRepository deals;
  private final AppUserRepository users;
  private final EscrowProperties properties;
  private final DisputeTimeline timeline;
  private final AuditTrail audit;
  private final Clock clock;
  private final DisputeRepository disputes;

  DisputeNotifications(Outbox outbox, DealRepository deals, AppUserRepository users, EscrowProperties properties,
      DisputeTimeline timeline, AuditTrail audit, Clock clock, DisputeRepository disputes) {
    this.disputes = disputes;
    this.outbox = outbox;
    this.deals = deals;
    this.users = users;
    this.properties = properties;
    this.timeline = timeline;
    this.audit = audit;
    this.clock = clock;
  }

  void stageEntered(String dealId, DisputeStage stage, Instant deadline) {
    send(dealId, "dispute/" + stage.name(), stage.name(), deadline, null, null, null, null);
  }

  void resolved(String dealId, String outcome, Long toBuyer, Long toSeller) {
    send(dealId, "dispute/resolved", "resolved", null, outcome, toBuyer, toSeller, null);
  }

  void decided(String dealId, long taskKey, String outcome, Long toBuyer, Long toSeller, String reason) {
    send(dealId, "dispute/decision", "decision:" + taskKey, null, outcome, toBuyer, toSeller, reason);
  }

  /** Mediators work from the inbox, where the task shows its SLA; the reminder is put on record there. */
  void remindMediators(String dealId) {
    if (timeline.of(dealId).stream().noneMatch(e -> e.kind().equals("SLA_REMINDER"))) {
      timeline.add(dealId, "SLA_REMINDER", "system", "SYSTEM", null);
      audit.record(new AuditEvent(clock.instant(), "system", "dispute.sla-reminder", "deal", dealId, "REMINDED", null, null,
          "mediation due within " + DisputeStage.REMINDER_BEFORE_SLA));
    }
  }

  private void send(String dealId, String template, String dedupe, Instant deadline, String outcome, Long toBuyer,
      Long toSeller, String reason) {
    Deal deal = deals.findById(dealId).orElseThrow();
    // A service deal's milestones are disputed one after another on the deal's one dispute row
    // (decision 44): each milestone's mails are their own, by subject and by dedupe key.
    Integer milestone = disputes.find(dealId).map(Dispute::milestoneSeq).orElse(null);
    String scope = milestone == null ? dealId : dealId + "#" + milestone;
    String item = milestone == null ? deal.getItemName() : deal.getItemName() + ", milestone " + milestone;
    for (PartyRole role : PartyRole.values()) {
      String name = template + "." + role.name();
      if (!outbox.hasTemplate(name) || deal.partyId(role) == null) {
        continue;
      }
      AppUser user = users.findById(deal.partyId(role)).orElseThrow();
      Locale locale = Languages.supported(user.getLocale());
      Map<String, Object> variables = new HashMap<>();
      variables.put("dealId", dealId);
      variables.put("item", item);
      variables.put("deadline", deadline);
      variables.put("link", properties.publicUrl() + "/deals/" + dealId + "/dispute");
      variables.put("outcome", outcome == null ? null : outbox.text("dispute.outcome." + outcome, locale));
      variables.put("toBuyer", toBuyer == null ? null : Rupiah.of(toBuyer));
      variables.put("toSeller", toSeller == null ? null : Rupiah.of(toSeller));
      variables.put("reason", reason);
      outbox.enqueue(scope + ":dispute:" + dedupe + ":" + role.name(), dealId, user.getEmail(), locale, name, variables);
    }
  }
}
