package id.rekber.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The partner API (docs/partner-api.md): a client-credentials token with the realm role {@code partner}. */
@RestController
@Tag(name = "Partner API", description = "For marketplaces, forums and social shops: deals on behalf of their users, and signed webhooks. "
    + "Authenticate with a Keycloak client-credentials token of a client that has the realm role `partner`.")
@SecurityRequirement(name = "partner")
class PartnerController {
  private final PartnerDeals deals;
  private final PartnerWebhooks webhooks;
  private final CurrentPartner partner;

  PartnerController(PartnerDeals deals, PartnerWebhooks webhooks, CurrentPartner partner) {
    this.deals = deals;
    this.webhooks = webhooks;
    this.partner = partner;
  }

  @PostMapping("/api/partner/deals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a deal on behalf of the partner's users",
      description = "The initiator (default: the seller) must be a Rekber member, found by e-mail or phone; the other party is invited by e-mail "
          + "(or, given a phone, the member with that phone). The fee is fixed now: partner-fee.dmn for this partner, or the normal/member "
          + "fee when lower. Hand `buyerLink` to the buyer: there they accept and pay; `checkoutUrl` appears once the invoice exists.",
      responses = {
          @ApiResponse(responseCode = "201", description = "Created", content = @Content(examples = @ExampleObject(value = """
              {"id":"RB-7Q2K9X4M","externalRef":"ORDER-7781","status":"MENUNGGU_PERSETUJUAN","statusReason":null,
               "itemName":"Sepatu lari Ardiles, ukuran 42","price":250000,"shippingCost":20000,"fee":5400,"buyerPays":275400,
               "sellerReceives":270000,"createdAt":"2026-12-03T09:00:00Z","buyerLink":"http://localhost:8080/deals/RB-7Q2K9X4M","checkoutUrl":null}"""))),
          @ApiResponse(responseCode = "422", description = "Unknown initiator, invalid phone, or a business rule says no (problem document)")})
  PartnerDealView create(@Valid @RequestBody PartnerDealRequest request) {
    return deals.create(partner.id(), request);
  }

  @GetMapping("/api/partner/deals")
  @Operation(summary = "The deals this partner created (newest first, at most 200)")
  List<PartnerDealView> list() {
    return deals.list(partner.id());
  }

  @GetMapping("/api/partner/deals/{id}")
  @Operation(summary = "One deal this partner created",
      responses = @ApiResponse(responseCode = "404", description = "Unknown, or not created by this partner: the same answer (`deal.not-found`)"))
  PartnerDealView get(@PathVariable String id) {
    return deals.get(partner.id(), id);
  }

  @PutMapping("/api/partner/webhook")
  @Operation(summary = "Set the webhook endpoint",
      description = "Returns the signing secret (kept until `rotateSecret` is true). Every event on the partner's deals is POSTed as JSON with "
          + "`Rekber-Timestamp` (unix seconds), `Rekber-Signature: v1=hex(HMAC-SHA256(secret, timestamp + \".\" + body))`, `Rekber-Event-Id` "
          + "and `Rekber-Delivery-Id`. Refuse timestamps more than 5 minutes from your clock. Answer 2xx; anything else is retried "
          + "after 10 s, 20 s, 40 s … (at most an hour apart), 8 attempts in all.",
      responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
          {"url":"https://shop.example/rekber/webhook","secret":"whsec_3q2-7wVh…"}"""))))
  EndpointView configure(@Valid @RequestBody EndpointRequest request) {
    PartnerWebhooks.Endpoint e = webhooks.configure(partner.id(), request.url(), Boolean.TRUE.equals(request.rotateSecret()));
    return new EndpointView(e.url(), e.secret());
  }

  @GetMapping("/api/partner/webhook/deliveries")
  @Operation(summary = "The webhook delivery log (newest first, 100 per page; `before` pages back)",
      responses = @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
          [{"id":42,"dealId":"RB-7Q2K9X4M","eventType":"ACCEPTED","body":"{\\"type\\":\\"deal.updated\\",\\"dealId\\":\\"RB-7Q2K9X4M\\",\\"event\\":\\"ACCEPTED\\",\\"status\\":\\"MENUNGGU_PERSETUJUAN\\",\\"statusReason\\":null,\\"occurredAt\\":\\"2026-12-03T09:05:00Z\\"}",
            "status":"DELIVERED","attempts":2,"nextAttemptAt":"2026-12-03T09:05:10Z","lastStatus":200,"lastError":null,"replayOf":null,
            "createdAt":"2026-12-03T09:05:00Z","deliveredAt":"2026-12-03T09:05:10Z"}]"""))))
  List<PartnerWebhooks.Delivery> deliveries(@RequestParam(required = false) Long before) {
    return webhooks.deliveries(partner.id(), before);
  }

  @PostMapping("/api/partner/webhook/deliveries/{id}/replay")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send a delivery again",
      description = "A new delivery of the same event (same `Rekber-Event-Id`, new delivery id, timestamp and signature), sent at once.")
  PartnerWebhooks.Delivery replay(@PathVariable long id) {
    return webhooks.replay(partner.id(), id);
  }

  record EndpointRequest(@NotBlank(message = "{partner.webhook-url-invalid}") String url, Boolean rotateSecret) {}

  record EndpointView(String url, String secret) {}
}
