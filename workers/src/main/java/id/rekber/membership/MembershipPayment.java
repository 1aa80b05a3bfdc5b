package id.rekber.membership;

import java.time.Instant;
import java.util.UUID;

/** One invoice of a membership (FIRST or RENEWAL): PENDING, PAID or EXPIRED. */
public record MembershipPayment(
    String orderId,
    UUID userId,
    Plan plan,
    String kind,
    long amount,
    String status,
    String checkoutUrl,
    Instant expiresAt,
    Instant createdAt,
    Instant paidAt,
    Instant periodStart,
    Instant periodEnd) {}
