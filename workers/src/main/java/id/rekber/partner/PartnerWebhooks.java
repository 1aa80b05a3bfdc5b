package id.rekber.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.escrow.Deal;
import id.rekber.escrow.DealEventRecorded;
import id.rekber.escrow.DealRepository;
import id.rekber.platform.Refusal;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's webhook endpoint and its deliveries. Every event on a partner's deal's timeline (each
 * status change is one) becomes a delivery row in the same transaction that recorded it (an outbox),
 * sent by {@link WebhookDispatcher}; the rows are the delivery log the partner reads and replays.
 */
@Service
class PartnerWebhooks {
  static final String EVENT_TYPE = "deal.updated";
  private final JdbcTemplate jdbc;
  private final DealRepository deals;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PartnerWebhooks(JdbcTemplate jdbc, DealRepository deals, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.deals = deals;
    this.json = json;
    this.clock = clock;
  }

  /** Sets the endpoint; a new signing secret is made when none exists or {@code rotate} asks. */
  @Transactional
  Endpoint configure(String partner, String url, boolean rotate) {
    URI uri = parse(url);
    Optional<Endpoint> current = endpoint(partner);
    String secret = current.isPresent() && !rotate ? current.get().secret() : newSecret();
    jdbc.update(
        """
        INSERT INTO partner_endpoint (partner_id, url, signing_secret, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (partner_id) DO UPDATE SET url = EXCLUDED.url, signing_secret = EXCLUDED.signing_secret, updated_at = EXCLUDED.updated_at
        """,
        partner, uri.toString(), secret, Timestamp.from(clock.instant()));
    return new Endpoint(partner, uri.toString(), secret);
  }

  Optional<Endpoint> endpoint(String partner) {
    return jdbc.query("SELECT partner_id, url, signing_secret FROM partner_endpoint WHERE partner_id = ?",
            (rs, i) -> new Endpoint(rs.getString(1), rs.getString(2), rs.getString(3)), partner)
        .stream().findFirst();
  }

  @EventListener
  void onDealEvent(DealEventRecorded event) {
    List<String> partners = jdbc.queryForList("SELECT partner_id FROM partner_deal WHERE deal_id = ?", String.class, event.dealId());
    if (partners.isEmpty() || endpoint(partners.get(0)).isEmpty()) {
      return; // not a partner's deal, or the partner has no endpoint (events are not kept for later)
    }
    Deal deal = deals.findById(event.dealId()).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", EVENT_TYPE);
    body.put("dealId", deal.getId());
    body.put("event", event.type());
    body.put("status", deal.getStatus().name());
    body.put("statusReason", deal.getStatusReason());
    body.put("occurredAt", event.occurredAt().toString());
    enqueue(partners.get(0), deal.getId(), event.type(), write(body), null);
  }

  @Transactional(readOnly = true)
  List<Delivery> deliveries(String partner, Long before) {
    return jdbc.query(
        """
        SELECT id, deal_id, event_type, body, status, attempts, next_attempt_at, last_status, last_error, replay_of, created_at, delivered_at
        FROM partner_webhook WHERE partner_id = ? AND id < ? ORDER BY id DESC LIMIT 100
        """,
        (rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
            instant(rs.getTimestamp(7)), (Integer) rs.getObject(8), rs.getString(9), (Long) rs.getObject(10), instant(rs.getTimestamp(11)),
            instant(rs.getTimestamp(12))),
        partner, before == null ? Long.MAX_VALUE : before);
  }

  /** Sends a delivery again as a new delivery (same event id, new delivery id, new timestamp and signature). */
  @Transactional
  Delivery replay(String partner, long deliveryId) {
    Delivery original = deliveries(partner, deliveryId + 1).stream().filter(d -> d.id() == deliveryId).findFirst()
        .orElseThrow(() -> Refusal.notFound("partner.delivery-not-found", deliveryId));
    long eventId = original.replayOf() == null ? original.id() : original.replayOf();
    long id = enqueue(partner, original.dealId(), original.eventType(), original.body(), eventId);
    return deliveries(partner, id + 1).get(0);
  }

  private long enqueue(String partner, String dealId, String eventType, String body, Long replayOf) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.queryForObject(
        """
        INSERT INTO partner_webhook (partner_id, deal_id, event_type, body, next_attempt_at, replay_of, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
        Long.class, partner, dealId, eventType, body, now, replayOf, now);
  }

  private static URI parse(String url) {
    try {
      URI uri = URI.create(url == null ? "" : url.trim());
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        throw Refusal.invalid("partner.webhook-url-invalid");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("partner.webhook-url-invalid");
    }
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String write(Map<String, Object> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  record Endpoint(String partnerId, String url, String secret) {}

  /** One delivery: PENDING (next attempt at), DELIVERED or FAILED (gave up); {@code replayOf} is the event's first delivery. */
  record Delivery(long id, String dealId, String eventType, String body, String status, int attempts, Instant nextAttemptAt,
      Integer lastStatus, String lastError, Long replayOf, Instant createdAt, Instant deliveredAt) {}
}
