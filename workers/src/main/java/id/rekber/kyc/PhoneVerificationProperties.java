package id.rekber.kyc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeTtl how long a one-time code is valid
 * @param maxAttempts wrong codes allowed per code before it is burnt
 * @param maxSends codes sent to one member per {@code sendWindow} (first send and resends)
 * @param sendWindow the window the send limit counts in
 */
@ConfigurationProperties("rekber.phone-verification")
public record PhoneVerificationProperties(
    @DefaultValue("PT5M") Duration codeTtl,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("3") int maxSends,
    @DefaultValue("PT1H") Duration sendWindow) {}
