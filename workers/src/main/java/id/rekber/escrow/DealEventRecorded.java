package id.rekber.escrow;

import java.time.Instant;

/**
 * A line was added to a deal's timeline (every status change is one); published synchronously in
 * the transaction that recorded it, so a listener's writes commit or roll back with it.
 */
public record DealEventRecorded(String dealId, String type, Instant occurredAt) {}
