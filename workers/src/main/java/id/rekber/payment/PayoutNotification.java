package id.rekber.payment;

/** A provider's callback about a payout, after its adapter checked the signature and mapped the status. */
public record PayoutNotification(
    String provider, String notificationId, String payoutId, PayoutStatus status, long amount, String reason, String transactionId) {}
