package id.rekber.escrow;

import id.rekber.identity.AppUser;
import id.rekber.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deals for buyers and sellers. Commands answer 202 Accepted: the process applies them within
 * moments, and the deal's status shows when it has.
 */
@RestController
@RequestMapping("/api/deals")
class DealController {
  private final DealService deals;
  private final CurrentUser currentUser;
  private final Clock clock;

  private final Counterparties counterparties;

  DealController(DealService deals, CurrentUser currentUser, Clock clock, Counterparties counterparties) {
    this.counterparties = counterparties;
    this.deals = deals;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<DealView> create(@Valid @RequestBody CreateDealRequest request) {
    AppUser user = currentUser.get();
    String counterparty = counterparties.emailOf(request.counterpartyEmail(), request.counterpartyPhone());
    Deal deal = deals.create(user, request.myRole(), request.terms(counterparty));
    return ResponseEntity.created(URI.create("/api/deals/" + deal.getId())).body(view(deal, user));
  }

  @GetMapping
  List<DealView> mine(@RequestParam(required = false) PartyRole role) {
    AppUser user = currentUser.get();
    return deals.listFor(user).stream()
        .map(d -> view(d, user))
        .filter(v -> role == null || role.name().equals(v.myRole()))
        .toList();
  }

  @GetMapping("/{id}")
  DealView get(@PathVariable String id) {
    AppUser user = currentUser.get();
    return view(deals.get(user, id), user);
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEntry> timeline(@PathVariable String id) {
    return deals.timeline(currentUser.get(), id).stream().map(TimelineEntry::of).toList();
  }

  @PostMapping("/{id}/accept")
  ResponseEntity<DealView> accept(@PathVariable String id) {
    AppUser user = currentUser.get();
    return accepted(deals.accept(user, id), user);
  }

  @PostMapping("/{id}/decline")
  ResponseEntity<DealView> decline(@PathVariable String id) {
    AppUser user = currentUser.get();
    return accepted(deals.decline(user, id), user);
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<DealView> cancel(@PathVariable String id) {
    AppUser user = currentUser.get();
    return accepted(deals.cancel(user, id), user);
  }

  @PostMapping("/{id}/ship")
  ResponseEntity<DealView> ship(@PathVariable String id, @RequestBody ShipRequest request) {
    AppUser user = currentUser.get();
    return accepted(deals.markShipped(user, id, request.courier(), request.trackingNumber()), user);
  }

  @PostMapping("/{id}/confirm-receipt")
  ResponseEntity<DealView> confirmReceipt(@PathVariable String id) {
    AppUser user = currentUser.get();
    return accepted(deals.confirmReceipt(user, id), user);
  }

  @PostMapping("/{id}/accept-goods")
  ResponseEntity<DealView> acceptGoods(@PathVariable String id) {
    AppUser user = currentUser.get();
    return accepted(deals.acceptGoods(user, id), user);
  }

  private DealView view(Deal deal, AppUser user) {
    return DealView.of(deal, user.getId(), user.getEmail(), clock.instant());
  }

  private ResponseEntity<DealView> accepted(Deal deal, AppUser user) {
    return ResponseEntity.accepted().body(view(deal, user));
  }

  record TimelineEntry(String type, String actor, String detail, java.time.Instant at) {
    static TimelineEntry of(DealEvent e) {
      return new TimelineEntry(e.getType(), e.getActor(), e.getDetail(), e.getOccurredAt());
    }
  }
}
