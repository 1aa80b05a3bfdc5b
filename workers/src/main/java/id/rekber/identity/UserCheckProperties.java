package id.rekber.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application asks Keycloak whether a signed-in user still exists and is enabled.
 *
 * @param enabled whether every authenticated request is checked (switch off only where Keycloak has
 *     no service account for the application; a disabled user then keeps a token's last minutes)
 * @param clientId the confidential client whose service account may read users ({@code view-users})
 * @param clientSecret its secret (application.yml: {@code REKBER_APP_CLIENT_SECRET}, DEMO ONLY default)
 * @param cacheFor how long an answer is remembered: at most one lookup per user in that time, and
 *     the longest a disabled user can still act
 * @param timeout how long a lookup may take before Keycloak counts as unreachable
 */
@ConfigurationProperties("rekber.identity.user-check")
public record UserCheckProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("rekber-app") String clientId,
    String clientSecret,
    @DefaultValue("PT15S") Duration cacheFor,
    @DefaultValue("PT2S") Duration timeout) {}
