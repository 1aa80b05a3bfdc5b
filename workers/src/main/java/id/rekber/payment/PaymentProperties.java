package id.rekber.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invoiceValidity how long a buyer has to pay (virtual accounts default to 24 hours)
 * @param sandboxServerKey the sandbox provider's shared secret for signing callbacks. The default
 *     is a demo value; set REKBER_PAYMENT_SANDBOX_SERVER_KEY anywhere that matters.
 * @param sandboxCallbackUrl where the sandbox sends callbacks; empty means this application
 * @param sandboxPayoutDelay how long the sandbox "bank" takes to settle a payout
 */
@ConfigurationProperties("rekber.payment")
public record PaymentProperties(
    @DefaultValue("P1D") Duration invoiceValidity,
    @DefaultValue("SB-Mid-server-DEMO-ONLY-not-a-secret") String sandboxServerKey,
    @DefaultValue("") String sandboxCallbackUrl,
    @DefaultValue("PT1S") Duration sandboxPayoutDelay) {}
