package id.rekber.web;

import id.rekber.platform.Languages;
import id.rekber.platform.Refusal;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealDiagramSource;
import id.rekber.escrow.DealProgress;
import id.rekber.escrow.DealService;
import id.rekber.escrow.DealStatus;
import id.rekber.escrow.DealTerms;
import id.rekber.escrow.DealView;
import id.rekber.escrow.DisputeWindow;
import id.rekber.escrow.Milestone;
import id.rekber.escrow.MilestoneCommands;
import id.rekber.escrow.MilestoneFunding;
import id.rekber.escrow.MilestonePayments;
import id.rekber.escrow.MilestoneTerms;
import id.rekber.escrow.MilestoneView;
import id.rekber.escrow.Shipment;
import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.payment.Checkout;
import id.rekber.platform.Rupiah;
import id.rekber.trust.CounterpartyTrust;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The member portal's deal pages. They call the same DealService as the REST API, so the same
 * object-level checks apply (DealAccess); a command only asks the process, which moves the deal a
 * moment later, so each command redirects back to the deal page with a notice.
 */
@Controller
class DealPages {
  private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  private final DealService deals;
  private final CurrentUser currentUser;
  private final Profiles profiles;
  private final Checkout checkout;
  private final MoneyTrail money;
  private final DealProgress progress;
  private final DealDiagramSource diagrams;
  private final MessageSource messages;
  private final CounterpartyTrust trust;
  private final Clock clock;

  private final MilestoneCommands milestoneCommands;
  private final MilestonePayments milestonePayments;

  @SuppressWarnings("java:S107")
  DealPages(DealService deals, CurrentUser currentUser, Profiles profiles, Checkout checkout, MoneyTrail money,
      DealProgress progress, DealDiagramSource diagrams, MessageSource messages, CounterpartyTrust trust, Clock clock,
      MilestoneCommands milestoneCommands,
      MilestonePayments milestonePayments) {
    this.milestoneCommands = milestoneCommands;
    this.milestonePayments = milestonePayments;
    this.deals = deals;
    this.currentUser = currentUser;
    this.profiles = profiles;
    this.checkout = checkout;
    this.money = money;
    this.progress = progress;
    this.diagrams = diagrams;
    this.messages = messages;
    this.trust = trust;
    this.clock = clock;
  }

  @GetMapping({"/", "/deals"})
  String myDeals(Model model) {
    AppUser user = currentUser.get();
    List<Row> rows = deals.listFor(user).stream().map(d -> Row.of(DealView.of(d, user.getId(), user.getEmail(), clock.instant()))).toList();
    model.addAttribute("user", user);
    model.addAttribute("invitations", rows.stream().filter(r -> "INVITEE".equals(r.view().myRole())).toList());
    model.addAttribute("asBuyer", rows.stream().filter(r -> "BUYER".equals(r.view().myRole())).toList());
    model.addAttribute("asSeller", rows.stream().filter(r -> "SELLER".equals(r.view().myRole())).toList());
    model.addAttribute("empty", rows.isEmpty());
    return "home";
  }

  @GetMapping("/deals/new")
  String newDeal(Model model) {
    model.addAttribute("dealForm", new DealForm());
    return "deals/new";
  }

  @PostMapping("/deals")
  String create(@Valid @ModelAttribute("dealForm") DealForm form, BindingResult errors, RedirectAttributes redirect) {
    AppUser user = currentUser.get();
    Optional<Long> price = Rupiah.parse(form.getPrice()).map(Rupiah::amount);
    Optional<Long> shipping = form.getShippingCost() == null || form.getShippingCost().isBlank()
        ? Optional.of(0L) : Rupiah.parse(form.getShippingCost()).map(Rupiah::amount);
    if (!errors.hasFieldErrors("price") && price.filter(p -> p > 0).isEmpty()) {
      errors.rejectValue("price", "deal.price.number");
    }
    if (shipping.isEmpty()) {
      errors.rejectValue("shippingCost", "deal.shippingCost.number");
    }
    String counterpartyEmail = errors.hasFieldErrors("counterparty") ? null : counterpartyEmail(form.getCounterparty(), errors);
    List<MilestoneTerms> milestones = MilestoneRows.read(form.getMilestones(), errors);
    if (errors.hasErrors()) {
      return "deals/new";
    }
    DealTerms terms = new DealTerms(
        form.getItemName().trim(),
        form.getItemDescription() == null || form.getItemDescription().isBlank() ? null : form.getItemDescription().trim(),
        price.get(), shipping.get(), form.getShipWithinDays(), form.getInspectionDays(), form.getFeePayer(), counterpartyEmail, milestones,
        milestones.isEmpty() ? MilestoneFunding.UP_FRONT : form.getMilestoneFunding());
    Deal deal;
    try {
      deal = deals.create(user, form.getMyRole(), terms);
    } catch (Refusal e) {
      String field = switch (e.code()) {
        case "deal.counterparty-is-self" -> "counterparty";
        case "deal.milestones.no-shipping" -> "shippingCost";
        case "deal.milestones.per-milestone-needs-two" -> "milestoneFunding";
        case "limit.seller-needs-kyc", "limit.seller-needs-phone" -> "myRole";
        default -> "price";
      };
      errors.rejectValue(field, e.code(), e.args(), e.code());
      return "deals/new";
    }
    redirect.addFlashAttribute("created", true);
    return "redirect:/deals/" + deal.getId();
  }

  /** An e-mail address as typed, or the e-mail of the member whose phone number was typed. */
  private String counterpartyEmail(String typed, BindingResult errors) {
    String value = typed.trim();
    if (value.contains("@")) {
      if (!value.matches(EMAIL)) {
        errors.rejectValue("counterparty", "deal.counterparty.invalid");
        return null;
      }
      return value;
    }
    if (!PhoneNumbers.looksLikePhone(value)) {
      errors.rejectValue("counterparty", "deal.counterparty.invalid");
      return null;
    }
    Optional<String> phone = PhoneNumbers.normalize(value);
    if (phone.isEmpty()) {
      errors.rejectValue("counterparty", "deal.counterparty.phone-invalid");
      return null;
    }
    Optional<AppUser> member = profiles.byPhone(phone.get());
    if (member.isEmpty()) {
      errors.rejectValue("counterparty", "deal.counterparty.phone-unknown");
      return null;
    }
    return member.get().getEmail();
  }

  @GetMapping("/deals/{id}")
  String deal(@PathVariable String id, Model model) {
    AppUser user = currentUser.get();
    Deal deal = deals.get(user, id);
    if (!model.containsAttribute("shipForm")) {
      model.addAttribute("shipForm", new ShipForm());
    }
    fill(model, user, deal);
    return "deals/show";
  }

  /** The full diagram on a page of its own: one tap from the step tracker on a phone. */
  @GetMapping("/deals/{id}/process")
  String process(@PathVariable String id, Model model) {
    AppUser user = currentUser.get();
    Deal deal = deals.get(user, id);
    DealProgress.Steps steps = progress.of(deal);
    model.addAttribute("deal", deal);
    model.addAttribute("active", String.join(",", steps.active()));
    model.addAttribute("done", String.join(",", steps.done()));
    return "deals/process";
  }

  @PostMapping("/deals/{id}/ship")
  String ship(@PathVariable String id, @ModelAttribute("shipForm") ShipForm form, BindingResult errors, Model model,
      RedirectAttributes redirect) {
    AppUser user = currentUser.get();
    Shipment.problems(form.getCourier(), form.getTrackingNumber()).forEach((field, code) -> errors.rejectValue(field, code));
    if (errors.hasErrors()) {
      fill(model, user, deals.get(user, id));
      return "deals/show";
    }
    return command(id, redirect, "deal.notice.shipped", () -> deals.markShipped(user, id, form.getCourier(), form.getTrackingNumber()));
  }

  @PostMapping("/deals/{id}/accept")
  String accept(@PathVariable String id, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.accepted", () -> deals.accept(currentUser.get(), id));
  }

  @PostMapping("/deals/{id}/decline")
  String decline(@PathVariable String id, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.declined", () -> deals.decline(currentUser.get(), id));
  }

  @PostMapping("/deals/{id}/cancel")
  String cancel(@PathVariable String id, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.cancel-asked", () -> deals.cancel(currentUser.get(), id));
  }

  @PostMapping("/deals/{id}/confirm-receipt")
  String confirmReceipt(@PathVariable String id, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.receipt-confirmed", () -> deals.confirmReceipt(currentUser.get(), id));
  }

  @PostMapping("/deals/{id}/accept-goods")
  String acceptGoods(@PathVariable String id, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.goods-accepted", () -> deals.acceptGoods(currentUser.get(), id));
  }

  /** To the provider's checkout (the sandbox's in single-node mode), once the invoice exists. */
  @PostMapping("/deals/{id}/pay")
  String pay(@PathVariable String id, RedirectAttributes redirect) {
    Optional<String> url = checkout.urlFor(currentUser.get(), id);
    if (url.isEmpty()) {
      redirect.addFlashAttribute("notice", "deal.notice.invoice-pending");
      return "redirect:/deals/" + id;
    }
    return "redirect:" + url.get();
  }

  /** The buyer picks how to pay (Midtrans): the page then shows the virtual account, QR or app link. */
  @PostMapping("/deals/{id}/payment/method")
  String chooseMethod(@PathVariable String id, @RequestParam(name = "method", required = false) String method, RedirectAttributes redirect) {
    return command(id, redirect, "deal.notice.method-chosen", () -> checkout.chooseMethod(currentUser.get(), id, method));
  }

  private String command(String id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (Refusal e) {
      if (e.kind() == Refusal.Kind.NOT_FOUND) { // an unknown or foreign deal: the 404 page
        throw e;
      }
      redirect.addFlashAttribute("problem", e.code());
      redirect.addFlashAttribute("problemArgs", e.args());
    }
    return "redirect:/deals/" + id;
  }

  private void fill(Model model, AppUser user, Deal deal) {
    DealView view = DealView.of(deal, user.getId(), user.getEmail(), clock.instant());
    DealProgress.Steps steps = progress.of(deal);
    String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/deals/{id}").buildAndExpand(deal.getId()).toUriString();
    Locale locale = Languages.supported(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    String shareText = messages.getMessage("deal.share.text", new Object[] {deal.getItemName(), Rupiah.format(deal.grossAmount()), link}, locale);
    model.addAttribute("user", user);
    model.addAttribute("deal", deal);
    model.addAttribute("view", view);
    model.addAttribute("row", Row.of(view));
    // A service deal has no shipping: its milestones (with their own inspection deadlines) are its steps.
    model.addAttribute("deadlines", deal.isServiceDeal() ? deadlines(view).stream().filter(d -> !"shipBy".equals(d.name())).toList()
        : deadlines(view));
    model.addAttribute("events", deals.timeline(user, deal.getId()));
    model.addAttribute("ledger", money.of(deal.getId()));
    model.addAttribute("balances", money.balances(deal.getId()));
    model.addAttribute("active", String.join(",", steps.active()));
    model.addAttribute("done", String.join(",", steps.done()));
    model.addAttribute("tracker", deal.isServiceDeal() ? List.of() : tracker(deal, view, steps));
    model.addAttribute("dealLink", link);
    model.addAttribute("whatsappLink", "https://wa.me/?text=" + URLEncoder.encode(shareText, StandardCharsets.UTF_8).replace("+", "%20"));
    model.addAttribute("canShare", deal.getStatus() == DealStatus.MENUNGGU_PERSETUJUAN && deal.roleOf(user.getId()).isPresent());
    boolean buyer = "BUYER".equals(view.myRole());
    model.addAttribute("canDispute", buyer && DisputeWindow.isOpen(deal, clock.instant()));
    model.addAttribute("disputeRunning", deal.getStatus() == DealStatus.SENGKETA);
    List<MilestoneView> milestones = deal.isServiceDeal() ? milestoneCommands.list(user, deal.getId()) : List.of();
    boolean milestoneInvoiceOpen = milestones.stream().anyMatch(m -> m.state() == Milestone.State.AWAITING_PAYMENT);
    model.addAttribute("methodPanel", buyer && (deal.getStatus() == DealStatus.MENUNGGU_PEMBAYARAN || milestoneInvoiceOpen)
        ? checkout.methodPanel(user, deal.getId()).orElse(null) : null);
    model.addAttribute("milestones", milestones);
    // Funded per milestone (decision 46), the deal's own invoice is milestone 1's share.
    model.addAttribute("payNow", milestonePayments.firstInvoiceAmount(deal));
    // The other side's public check and profile, before anyone accepts or pays (issue 14).
    model.addAttribute("counterparty", trust.of(user, deal).orElse(null));
  }

  /** Each step of the main path with the deal's deadline its timer waits for (StepTracker). */
  private List<TrackedStep> tracker(Deal deal, DealView view, DealProgress.Steps steps) {
    DealView.Deadlines d = view.deadlines();
    Map<String, Instant> byVariable = new HashMap<>();
    putIfSet(byVariable, "acceptDeadline", d.acceptBy());
    putIfSet(byVariable, "paymentDeadline", d.payBy());
    putIfSet(byVariable, "shipDeadline", d.shipBy());
    putIfSet(byVariable, "deliveryFallbackAt", d.deliveryAssumedAt());
    putIfSet(byVariable, "inspectionDeadline", d.inspectionEndsAt());
    try {
      return StepTracker.of(diagrams.xml(deal), steps.active(), steps.done()).stream()
          .map(s -> new TrackedStep(s.elementId(), s.name(), s.state().name().toLowerCase(Locale.ROOT),
              s.deadlineVariable() == null ? null : byVariable.get(s.deadlineVariable())))
          .toList();
    } catch (RuntimeException e) {
      return List.of(); // the diagram below still shows where the deal stands
    }
  }

  private static void putIfSet(Map<String, Instant> map, String key, Instant value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  record TrackedStep(String elementId, String name, String state, Instant deadline) {}

  private static List<Deadline> deadlines(DealView v) {
    List<Deadline> list = new ArrayList<>();
    DealView.Deadlines d = v.deadlines();
    add(list, "acceptBy", d.acceptBy(), v.status() == DealStatus.MENUNGGU_PERSETUJUAN);
    add(list, "payBy", d.payBy(), v.status() == DealStatus.MENUNGGU_PEMBAYARAN);
    add(list, "shipBy", d.shipBy(), v.status() == DealStatus.DANA_DITAHAN);
    add(list, "deliveryAssumedAt", d.deliveryAssumedAt(), v.status() == DealStatus.DIKIRIM && d.inspectionEndsAt() == null);
    add(list, "inspectionEndsAt", d.inspectionEndsAt(), v.status() == DealStatus.DIKIRIM);
    return list;
  }

  private static void add(List<Deadline> list, String name, Instant at, boolean current) {
    if (at != null) {
      list.add(new Deadline(name, at, current));
    }
  }

  record Deadline(String name, Instant at, boolean current) {}

  /** A deal in a list: its view, what the viewer should do next and the deadline that matters now. */
  record Row(DealView view, String next, Instant deadline) {
    static Row of(DealView v) {
      String next = v.nextActions().stream()
          .filter(a -> !a.equals("cancel") && !a.equals("decline"))
          .findFirst()
          .map(a -> "next." + a)
          .orElse("wait." + v.status());
      Instant deadline = deadlines(v).stream().filter(Deadline::current).map(Deadline::at).findFirst().orElse(null);
      return new Row(v, next, deadline);
    }
  }
}
