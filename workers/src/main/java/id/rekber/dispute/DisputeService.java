package id.rekber.dispute;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import id.rekber.escrow.BuyerVerdict;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealAccess;
import id.rekber.escrow.DealMessages;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.DisputeWindow;
import id.rekber.escrow.MilestoneCommands;
import id.rekber.escrow.PartyRole;
import id.rekber.escrow.Shipment;
import id.rekber.identity.AppUser;
import id.rekber.platform.FormInvalidException;
import id.rekber.inbox.FormValidator;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.Refusal;
import id.rekber.platform.Rupiah;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What buyers and sellers do in a dispute. Each command checks the caller's role and the stage the
 * dispute waits in, records the answer on the timeline, and tells the process by message.
 */
@Service
public class DisputeService {
  @ModelReference(Kind.FORM)
  static final String SELLER_RESPONSE_FORM = "seller-response";
  @ModelReference(Kind.FORM)
  static final String OFFER_ANSWER_FORM = "offer-answer";
  static final int MIN_REASON = 20;
  static final int MAX_TEXT = 2000;

  private final DisputeRepository disputes;
  private final DisputeTimeline timeline;
  private final DealAccess access;
  private final DealRepository deals;
  private final DealMessages messages;
  private final DeployedModels models;
  private final FormValidator forms;
  private final Clock clock;
  private final DisputedAmount amounts;
  private final MilestoneCommands milestones;

  @SuppressWarnings("java:S107")
  DisputeService(DisputeRepository disputes, DisputeTimeline timeline, DealAccess access, DealRepository deals, DealMessages messages,
      DeployedModels models, FormValidator forms, Clock clock, DisputedAmount amounts, MilestoneCommands milestones) {
    this.amounts = amounts;
    this.milestones = milestones;
    this.disputes = disputes;
    this.timeline = timeline;
    this.access = access;
    this.deals = deals;
    this.messages = messages;
    this.models = models;
    this.forms = forms;
    this.clock = clock;
  }

  /** The buyer disputes during the inspection period; the inspection timer stops with it. */
  @Transactional
  public void open(AppUser buyer, String dealId, String reason) {
    as(buyer, dealId, PartyRole.BUYER);
    // Locked so the process (which locks the deal to mark it disputed) only moves after this commits.
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    String text = reason == null ? "" : reason.trim();
    if (text.length() < MIN_REASON || text.length() > MAX_TEXT) {
      throw new FormInvalidException(Map.of("reason", text.length() < MIN_REASON ? "form.too-short" : "form.too-long"));
    }
    Instant now = clock.instant();
    if (disputes.find(dealId).isPresent()) {
      throw Refusal.conflict("dispute.already-open");
    }
    if (deal.isServiceDeal()) {
      throw Refusal.conflict("dispute.choose-milestone");
    }
    // Under the deal's lock: a buyer who accepted the goods, or an inspection already closed by its
    // timer, leaves nothing to dispute; otherwise the dispute stands and neither of them can win.
    if (deal.getBuyerVerdict() != null) {
      throw Refusal.conflict("deal.verdict-taken", deal.getBuyerVerdict());
    }
    if (!DisputeWindow.isOpen(deal, now)) {
      throw Refusal.conflict("dispute.not-in-inspection");
    }
    deal.recordVerdict(BuyerVerdict.DISPUTED);
    disputes.open(dealId, text, buyer.getEmail(), now);
    timeline.add(dealId, "CLAIM", buyer.getEmail(), PartyRole.BUYER.name(), text);
    messages.publish(DisputeMessages.OPENED, dealId);
  }

  /**
   * The buyer of a service deal disputes one delivered milestone during its inspection period
   * (decision 44). The milestone's process then calls dispute-mediation for that milestone's share;
   * the other milestones wait, as they run one after the other. A deal keeps one dispute row: a later
   * milestone's dispute reopens it once the earlier one is resolved.
   */
  @Transactional
  public void openOnMilestone(AppUser buyer, String dealId, int seq, String reason) {
    as(buyer, dealId, PartyRole.BUYER);
    Deal deal = deals.findForUpdate(dealId).orElseThrow();
    if (!deal.isServiceDeal()) {
      throw Refusal.conflict("dispute.not-a-service-deal");
    }
    String text = reason == null ? "" : reason.trim();
    if (text.length() < MIN_REASON || text.length() > MAX_TEXT) {
      throw new FormInvalidException(Map.of("reason", text.length() < MIN_REASON ? "form.too-short" : "form.too-long"));
    }
    Instant now = clock.instant();
    // Read without a row lock: the deal's lock orders concurrent opens, and the dispute's own jobs
    // lock the dispute before the deal (a lock here would deadlock with them).
    Optional<Dispute> earlier = disputes.find(dealId);
    if (earlier.filter(d -> !d.isResolved()).isPresent()) {
      throw Refusal.conflict("dispute.already-open");
    }
    milestones.markDisputed(buyer, deal, seq);
    if (earlier.isPresent()) {
      if (!disputes.reopenForMilestone(dealId, seq, text, buyer.getEmail(), now)) {
        throw Refusal.conflict("dispute.already-open"); // rolls the milestone's mark back too
      }
    } else {
      disputes.openForMilestone(dealId, seq, text, buyer.getEmail(), now);
    }
    timeline.add(dealId, "CLAIM", buyer.getEmail(), PartyRole.BUYER.name(), "Milestone " + seq + ": " + text);
  }

  /** Seller's answer within 2 days: accept a refund, offer a partial refund, or contest. */
  @Transactional
  public void respond(AppUser seller, String dealId, Map<String, Object> submitted) {
    Deal deal = as(seller, dealId, PartyRole.SELLER);
    Dispute dispute = awaiting(dealId, DisputeStage.SELLER_RESPONSE);
    Map<String, String> errors = validate(SELLER_RESPONSE_FORM, submitted);
    String response = String.valueOf(submitted.get("sellerResponse"));
    Long offer = null;
    if (errors.isEmpty() && "OFFER".equals(response)) {
      offer = wholeRupiah(submitted.get("offerAmount"));
      if (offer == null || offer <= 0 || offer >= amounts.splittable(deal, dispute)) {
        errors.put("offerAmount", "dispute.offer-out-of-range");
      }
    }
    if (!errors.isEmpty()) {
      throw new FormInvalidException(errors);
    }
    disputes.sellerResponded(dealId, response, offer);
    timeline.add(dealId, "RESPONSE_" + response, seller.getEmail(), PartyRole.SELLER.name(), text(submitted.get("note")));
    Map<String, Object> variables = new HashMap<>();
    variables.put("sellerResponse", response);
    if (offer != null) {
      variables.put("buyerAmount", offer);
      variables.put("sellerAmount", amounts.splittable(deal, dispute) - offer);
    }
    messages.publish(DisputeMessages.SELLER_RESPONDED, dealId, messageId(DisputeMessages.SELLER_RESPONDED, dispute), variables);
  }

  /** Buyer accepts or rejects the seller's offer; rejecting sends the dispute to a mediator. */
  @Transactional
  public void answerOffer(AppUser buyer, String dealId, Map<String, Object> submitted) {
    as(buyer, dealId, PartyRole.BUYER);
    Dispute dispute = awaiting(dealId, DisputeStage.BUYER_ANSWER);
    Map<String, String> errors = validate(OFFER_ANSWER_FORM, submitted);
    if (!errors.isEmpty()) {
      throw new FormInvalidException(errors);
    }
    String answer = String.valueOf(submitted.get("offerAnswer"));
    disputes.offerAnswered(dealId, answer);
    timeline.add(dealId, "OFFER_" + answer, buyer.getEmail(), PartyRole.BUYER.name(), text(submitted.get("note")));
    messages.publish(DisputeMessages.OFFER_ANSWERED, dealId, messageId(DisputeMessages.OFFER_ANSWERED, dispute), Map.of("offerAnswer", answer));
  }

  /** The buyer sent the goods back, with the courier's tracking number. */
  @Transactional
  public void returnShipped(AppUser buyer, String dealId, String courier, String tracking) {
    as(buyer, dealId, PartyRole.BUYER);
    Dispute dispute = awaiting(dealId, DisputeStage.RETURN_SHIPPING);
    Shipment parcel = Shipment.of(courier, tracking);
    disputes.returnShipped(dealId, parcel.courier(), parcel.trackingNumber());
    timeline.add(dealId, "RETURN_SHIPPED", buyer.getEmail(), PartyRole.BUYER.name(), parcel.courier() + " " + parcel.trackingNumber());
    messages.publish(DisputeMessages.RETURN_SHIPPED, dealId, messageId(DisputeMessages.RETURN_SHIPPED, dispute), Map.of());
  }

  /** The seller has the goods back: the buyer is refunded. */
  @Transactional
  public void returnReceived(AppUser seller, String dealId) {
    as(seller, dealId, PartyRole.SELLER);
    Dispute dispute = awaiting(dealId, DisputeStage.RETURN_IN_TRANSIT);
    disputes.returnReceived(dealId);
    timeline.add(dealId, "RETURN_RECEIVED", seller.getEmail(), PartyRole.SELLER.name(), null);
    messages.publish(DisputeMessages.RETURN_RECEIVED, dealId, messageId(DisputeMessages.RETURN_RECEIVED, dispute), Map.of());
  }

  @Transactional
  public void message(AppUser user, String dealId, String text) {
    PartyRole role = partyOf(user, dealId);
    openDispute(dealId);
    String body = text == null ? "" : text.trim();
    if (body.isEmpty() || body.length() > MAX_TEXT) {
      throw new FormInvalidException(Map.of("text", body.isEmpty() ? "form.required" : "form.too-long"));
    }
    timeline.add(dealId, "MESSAGE", user.getEmail(), role.name(), body);
  }

  @Transactional
  public long upload(AppUser user, String dealId, String fileName, byte[] content) {
    PartyRole role = partyOf(user, dealId);
    openDispute(dealId);
    if (content.length == 0) {
      throw new FormInvalidException(Map.of("file", "form.required"));
    }
    if (content.length > EvidenceFiles.MAX_BYTES) {
      throw Refusal.tooLarge("dispute.file-too-large", EvidenceFiles.MAX_BYTES / (1024 * 1024));
    }
    String type = EvidenceFiles.contentType(content).orElseThrow(() -> Refusal.unsupportedType("dispute.file-type"));
    String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[^\\w.\\- ]", "_");
    return timeline.addEvidence(dealId, user.getEmail(), role.name(), name.length() > 200 ? name.substring(0, 200) : name, type, content);
  }

  @Transactional(readOnly = true)
  public Dispute view(AppUser user, String dealId) {
    partyOf(user, dealId);
    return disputes.find(dealId).orElseThrow(() -> Refusal.notFound("dispute.not-found", dealId));
  }

  private Map<String, String> validate(String formId, Map<String, Object> submitted) {
    String schema = models.formById(formId).orElseThrow(() -> new IllegalStateException("form " + formId + " not deployed")).schema();
    return new LinkedHashMap<>(forms.validate(schema, submitted));
  }

  private Deal as(AppUser user, String dealId, PartyRole role) {
    Deal deal = access.visibleTo(user, dealId);
    if (deal.roleOf(user.getId()).filter(r -> r == role).isEmpty()) {
      throw Refusal.forbidden(role == PartyRole.SELLER ? "deal.only-seller" : "deal.only-buyer");
    }
    return deal;
  }

  private PartyRole partyOf(AppUser user, String dealId) {
    Deal deal = access.visibleTo(user, dealId);
    return deal.roleOf(user.getId()).orElseThrow(() -> Refusal.forbidden("deal.not-a-party"));
  }

  private Dispute awaiting(String dealId, DisputeStage stage) {
    Dispute dispute = disputes.findForUpdate(dealId).orElseThrow(() -> Refusal.notFound("dispute.not-found", dealId));
    if (!dispute.awaits(stage, clock.instant())) {
      throw Refusal.conflict("dispute.not-awaiting", stage);
    }
    return dispute;
  }

  private void openDispute(String dealId) {
    Dispute dispute = disputes.find(dealId).orElseThrow(() -> Refusal.notFound("dispute.not-found", dealId));
    if (dispute.outcome() != null) {
      throw Refusal.conflict("dispute.closed");
    }
  }

  /**
   * The engine keeps a message id for the message's time to live and drops a second message with it:
   * a deal whose milestones are disputed one after another needs an id per milestone.
   */
  private static String messageId(String name, Dispute dispute) {
    return name + ":" + dispute.dealId() + (dispute.milestoneSeq() == null ? "" : "#" + dispute.milestoneSeq());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** Whole rupiah from a form value (a JSON number or its text); null if it is not one. */
  static Long wholeRupiah(Object value) {
    return Rupiah.exact(value).map(Rupiah::amount).orElse(null);
  }
}
