package id.rekber.partner;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.OAuthFlow;
import io.swagger.v3.oas.annotations.security.OAuthFlows;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The partner API's security scheme in the OpenAPI description (/v3/api-docs). */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
    name = "partner",
    type = SecuritySchemeType.OAUTH2,
    description = "Keycloak client credentials of a partner client (realm role `partner`); single-node demo: client "
        + "`rekber-partner-demo`, secret `rekber-partner-DEMO-ONLY-secret`.",
    flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "http://localhost:8180/realms/rekber/protocol/openid-connect/token")))
class PartnerOpenApi {}
