package id.rekber.dispute;

import id.rekber.platform.Languages;
import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import id.rekber.audit.AuditEvent;
import id.rekber.audit.AuditTrail;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.inbox.CaseContext;
import id.rekber.inbox.StaffTask;
import id.rekber.ledger.Ledger;
import id.rekber.notification.Formats;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The mediator's view of a dispute next to the decision form: the deal, its ledger lines and the
 * whole timeline with evidence. A mediator or admin who is a party of the deal may not decide it.
 */
@Component("disputeCaseContext")
class DisputeCaseContext implements CaseContext {
  @ModelReference(Kind.PROCESS)
  static final String PROCESS_ID = "dispute-mediation";
  /** The admin's decision after the mediators' SLA, a process of its own so Camunda grants can separate it. */
  @ModelReference(Kind.PROCESS)
  static final String ESCALATION_PROCESS_ID = "dispute-escalation";

  private final DealRepository deals;
  private final DisputeRepository disputes;
  private final DisputeTimeline timeline;
  private final Ledger ledger;
  private final AppUserRepository users;
  private final AuditTrail audit;
  private final Formats formats;
  private final Clock clock;
  private final DisputedAmount amounts;

  @SuppressWarnings("java:S107")
  DisputeCaseContext(DealRepository deals, DisputeRepository disputes, DisputeTimeline timeline, Ledger ledger,
      AppUserRepository users, AuditTrail audit, Formats formats, Clock clock, DisputedAmount amounts) {
    this.amounts = amounts;
    this.deals = deals;
    this.disputes = disputes;
    this.timeline = timeline;
    this.ledger = ledger;
    this.users = users;
    this.audit = audit;
    this.formats = formats;
    this.clock = clock;
  }

  @Override
  public boolean supports(String bpmnProcessId) {
    return isDisputeProcess(bpmnProcessId);
  }

  /** Tasks of a dispute come from mediation (mediators) or its escalation (admins). */
  static boolean isDisputeProcess(String bpmnProcessId) {
    return PROCESS_ID.equals(bpmnProcessId) || ESCALATION_PROCESS_ID.equals(bpmnProcessId);
  }

  @Override
  public String fragment() {
    return "dispute/case :: panel";
  }

  @Override
  public Map<String, Object> model(StaffTask task, AppUser viewer) {
    Deal deal = deals.findById(task.getDealId()).orElseThrow();
    Map<String, Object> model = new HashMap<>();
    model.put("deal", deal);
    model.put("buyer", users.findById(deal.getBuyerId()).orElse(null));
    model.put("seller", users.findById(deal.getSellerId()).orElse(null));
    Dispute dispute = disputes.find(deal.getId()).orElse(null);
    model.put("dispute", dispute);
    model.put("entries", timeline.of(deal.getId()));
    model.put("ledgerLines", ledger.linesOf(deal.getId()));
    model.put("splittable", amounts.splittable(deal, dispute));
    model.put("fmt", formats); // also rendered outside a web request, where ${@fmt} is not available
    audit.record(new AuditEvent(clock.instant(), viewer.getEmail(), "dispute.case-viewed", "deal", deal.getId(), "VIEWED",
        null, null, "task " + task.getJobKey()));
    return model;
  }

  @Override
  public Optional<String> refusal(StaffTask task, AppUser staff) {
    return deals.findById(task.getDealId())
        .flatMap(deal -> deal.roleOf(staff.getId()))
        .map(role -> "dispute.mediator-is-party");
  }

  /** A split shares the held amount less the fee: both parts positive, adding up exactly. */
  @Override
  public Map<String, String> validate(StaffTask task, Map<String, Object> submitted) {
    String outcome = String.valueOf(submitted.get("outcome"));
    Dispute dispute = disputes.find(task.getDealId()).orElse(null);
    if ("RETURN".equals(outcome) && dispute != null && dispute.milestoneSeq() != null) {
      return Map.of("outcome", "dispute.no-return-for-milestone");
    }
    if (!"SPLIT".equals(outcome)) {
      return Map.of();
    }
    long splittable = amounts.splittable(deals.findById(task.getDealId()).orElseThrow(), dispute);
    Long toBuyer = DisputeService.wholeRupiah(submitted.get("buyerAmount"));
    Long toSeller = DisputeService.wholeRupiah(submitted.get("sellerAmount"));
    Map<String, String> errors = new LinkedHashMap<>();
    if (toBuyer == null || toBuyer <= 0) {
      errors.put("buyerAmount", "dispute.split-part-positive");
    }
    if (toSeller == null || toSeller <= 0) {
      errors.put("sellerAmount", "dispute.split-part-positive");
    }
    if (errors.isEmpty() && toBuyer + toSeller != splittable) {
      errors.put("buyerAmount", "dispute.split-sum");
      errors.put("sellerAmount", "dispute.split-sum");
    }
    return errors;
  }
}
