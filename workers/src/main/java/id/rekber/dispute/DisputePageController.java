package id.rekber.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealAccess;
import id.rekber.escrow.DisputeWindow;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.Refusal;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The party's dispute page: the timeline, files, messages and the one thing the viewer must do now.
 * The seller's response and the buyer's answer are Camunda Forms rendered by form-js; the rest are
 * plain forms that work without JavaScript.
 */
@Controller
class DisputePageController {
  private final DisputeService disputes;
  private final DisputeRepository repository;
  private final DisputeTimeline timeline;
  private final DealAccess access;
  private final DeployedModels models;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;
  private final DisputedAmount amounts;

  @SuppressWarnings("java:S107")
  DisputePageController(DisputeService disputes, DisputeRepository repository, DisputeTimeline timeline, DealAccess access,
      DeployedModels models, CurrentUser currentUser, MessageSource messages, ObjectMapper json, Clock clock, DisputedAmount amounts) {
    this.amounts = amounts;
    this.disputes = disputes;
    this.repository = repository;
    this.timeline = timeline;
    this.access = access;
    this.models = models;
    this.currentUser = currentUser;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/deals/{id}/dispute")
  String page(@PathVariable String id, @RequestParam(required = false) String milestone, Model model, Locale locale)
      throws JsonProcessingException {
    AppUser user = currentUser.get();
    Deal deal = access.visibleTo(user, id);
    PartyRole role = deal.roleOf(user.getId()).orElseThrow(() -> Refusal.forbidden("deal.not-a-party"));
    Optional<Dispute> dispute = repository.find(id);
    model.addAttribute("deal", deal);
    model.addAttribute("role", role.name());
    model.addAttribute("dispute", dispute.orElse(null));
    model.addAttribute("entries", dispute.isPresent() ? timeline.of(id) : java.util.List.of());
    model.addAttribute("splittable", amounts.splittable(deal, dispute.orElse(null)));
    Integer milestoneSeq = milestone != null && milestone.matches("\\d{1,2}") ? Integer.valueOf(milestone) : null;
    String pending = pending(deal, role, dispute.orElse(null), milestoneSeq);
    model.addAttribute("pending", pending);
    model.addAttribute("milestone", milestoneSeq);
    String formId = switch (pending) {
      case "SELLER_RESPONSE" -> DisputeService.SELLER_RESPONSE_FORM;
      case "BUYER_ANSWER" -> DisputeService.OFFER_ANSWER_FORM;
      default -> null;
    };
    if (formId != null) {
      model.addAttribute("formSchema", models.formById(formId).orElseThrow().schema());
      Map<String, Object> data = new java.util.HashMap<>(Map.of("dealId", id));
      dispute.map(Dispute::offerAmount).filter(o -> "BUYER_ANSWER".equals(pending)).ifPresent(o -> data.put("offerAmount", o));
      model.addAttribute("formData", json.writeValueAsString(data));
      model.addAttribute("submitUrl", "/deals/" + id + "/dispute/" + (formId.equals(DisputeService.SELLER_RESPONSE_FORM) ? "response" : "offer-answer"));
    }
    return "dispute/page";
  }

  @PostMapping("/deals/{id}/dispute")
  String open(@PathVariable String id, @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String milestone,
      Model model, Locale locale) throws JsonProcessingException {
    if (milestone == null) {
      return attempt(id, model, locale, () -> disputes.open(currentUser.get(), id, reason));
    }
    return attempt(id, milestone, model, locale,
        () -> disputes.openOnMilestone(currentUser.get(), id, DisputeController.milestoneNumber(milestone), reason));
  }

  @PostMapping("/deals/{id}/dispute/messages")
  String message(@PathVariable String id, @RequestParam(defaultValue = "") String text, Model model, Locale locale) throws JsonProcessingException {
    return attempt(id, model, locale, () -> disputes.message(currentUser.get(), id, text));
  }

  @PostMapping("/deals/{id}/dispute/evidence")
  String upload(@PathVariable String id, @RequestParam("file") MultipartFile file, Model model, Locale locale) throws JsonProcessingException {
    return attempt(id, model, locale, () -> {
      try {
        disputes.upload(currentUser.get(), id, file.getOriginalFilename(), file.getBytes());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @PostMapping("/deals/{id}/dispute/return-shipment")
  String returnShipped(@PathVariable String id, @RequestParam(defaultValue = "") String courier,
      @RequestParam(defaultValue = "") String trackingNumber, Model model, Locale locale) throws JsonProcessingException {
    return attempt(id, model, locale, () -> disputes.returnShipped(currentUser.get(), id, courier, trackingNumber));
  }

  @PostMapping("/deals/{id}/dispute/return-received")
  String returnReceived(@PathVariable String id, Model model, Locale locale) throws JsonProcessingException {
    return attempt(id, model, locale, () -> disputes.returnReceived(currentUser.get(), id));
  }

  /** Runs a command; on bad input shows the page again with the message next to the field, nothing changed. */
  private String attempt(String id, Model model, Locale locale, Runnable command) throws JsonProcessingException {
    return attempt(id, null, model, locale, command);
  }

  private String attempt(String id, String milestone, Model model, Locale locale, Runnable command) throws JsonProcessingException {
    try {
      command.run();
      return "redirect:/deals/" + id + "/dispute";
    } catch (FormInvalidException e) {
      e.errors().forEach((field, code) -> model.addAttribute("error_" + field, messages.getMessage(code, null, code, locale)));
    } catch (Refusal e) {
      if (e.kind() == Refusal.Kind.FORBIDDEN || e.kind() == Refusal.Kind.NOT_FOUND) {
        throw e;
      }
      model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
    }
    return page(id, milestone, model, locale);
  }

  private String pending(Deal deal, PartyRole role, Dispute dispute, Integer milestone) {
    if (deal.isServiceDeal() && milestone != null && (dispute == null || dispute.isResolved())) {
      return role == PartyRole.BUYER ? "OPEN" : "NONE";
    }
    if (dispute == null) {
      return role == PartyRole.BUYER && DisputeWindow.isOpen(deal, clock.instant()) ? "OPEN" : "NONE";
    }
    for (DisputeStage stage : DisputeStage.values()) {
      if (dispute.awaits(stage, clock.instant())) {
        boolean buyersTurn = stage == DisputeStage.BUYER_ANSWER || stage == DisputeStage.RETURN_SHIPPING;
        boolean sellersTurn = stage == DisputeStage.SELLER_RESPONSE || stage == DisputeStage.RETURN_IN_TRANSIT;
        if ((buyersTurn && role == PartyRole.BUYER) || (sellersTurn && role == PartyRole.SELLER)) {
          return stage.name();
        }
      }
    }
    return "NONE";
  }
}
