package id.rekber.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * {@code /api/partner/**}: Keycloak client-credentials tokens with the realm role {@code partner}
 * only. Ahead of the members' API chain (which would match {@code /api/**}); members' and staff
 * tokens get 403 here, and a partner's token is no member anywhere else (it has no e-mail).
 */
@Configuration(proxyBeanMethods = false)
class PartnerSecurity {
  static final String ROLE = "partner";

  @Bean
  @Order(1)
  SecurityFilterChain partnerApi(HttpSecurity http, AuthenticationEntryPoint problems, AccessDeniedHandler denied) throws Exception {
    JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
    roles.setJwtGrantedAuthoritiesConverter(jwt -> partnerAuthorities(jwt.getClaims()));
    return http.securityMatcher("/api/partner/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
        .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(roles)).authenticationEntryPoint(problems).accessDeniedHandler(denied))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(denied))
        .build();
  }

  static Collection<GrantedAuthority> partnerAuthorities(Map<String, Object> claims) {
    if (claims.get("realm_access") instanceof Map<?, ?> access
        && access.get("roles") instanceof Collection<?> realmRoles
        && realmRoles.contains(ROLE)) {
      return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
    }
    return List.of();
  }
}
