package id.rekber.escrow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and windows of the deal lifecycle.
 *
 * @param maxDealAmount highest price + shipping a deal may have, rupiah
 * @param acceptanceWindow how long the counterparty has to accept
 * @param deliveryFallback when delivery counts as done if nobody confirms it, from shipment
 * @param publicUrl the address users reach Rekber at, used in e-mails
 */
@ConfigurationProperties("rekber.escrow")
public record EscrowProperties(
    @DefaultValue("100000000") long maxDealAmount,
    @DefaultValue("P3D") Duration acceptanceWindow,
    @DefaultValue("P7D") Duration deliveryFallback,
    @DefaultValue("http://localhost:8080") String publicUrl) {}
