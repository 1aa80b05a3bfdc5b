package id.rekber.kyc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPhotoBytes largest KTP photo or selfie accepted
 * @param rejectedRetention how long rejected and expired submissions keep their personal data
 * @param resubmissionWindow how long a member has to resubmit (the model's timer says the same)
 */
@ConfigurationProperties("rekber.kyc")
public record KycProperties(
    @DefaultValue("5242880") int maxPhotoBytes,
    @DefaultValue("P30D") Duration rejectedRetention,
    @DefaultValue("P7D") Duration resubmissionWindow) {}
