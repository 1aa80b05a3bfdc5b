package id.rekber.payment;

/** A provider's callback about a payout, after its signature was checked. */
public record PayoutNotification(
    String provider, String notificationId, String payoutId, String status, long amount, String reason, String transactionId) {}
