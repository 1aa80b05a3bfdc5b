package id.rekber.membership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * rekber.membership.*: how long the first invoice stays payable, how long before the period ends
 * the renewal invoice and reminder go out, and the grace period after an unpaid renewal.
 */
@ConfigurationProperties("rekber.membership")
public record MembershipProperties(
    @DefaultValue("P1D") Duration invoiceValidity,
    @DefaultValue("P3D") Duration reminderBefore,
    @DefaultValue("P7D") Duration grace) {}
