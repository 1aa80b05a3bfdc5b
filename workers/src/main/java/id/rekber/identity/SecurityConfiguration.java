package id.rekber.identity;

import id.rekber.audit.AuditFilter;
import id.rekber.platform.Languages;
import id.rekber.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import id.rekber.platform.PaymentSandboxCondition;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors: provider callbacks and the sandbox (signed or public, no session), the REST API
 * (Keycloak bearer tokens, stateless), and the web UI (Keycloak login with PKCE, session, CSRF).
 * Behind the API and web doors, every request of a signed-in user is refused once Keycloak says the
 * user is disabled or deleted ({@link ActiveUserFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
  /**
   * The studio's editors (bpmn-js, dmn-js, form-js, CodeMirror) set inline styles and ship icon
   * fonts and images as data: URLs; only the studio's pages (analysts and admins) allow them.
   */
  private static final String STUDIO_CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
  private static final RequestMatcher STUDIO_PAGES = request -> request.getRequestURI().startsWith(request.getContextPath() + "/studio");


  /** The audit filter runs inside the security chains only, not a second time as a servlet filter. */
  @Bean
  FilterRegistrationBean<AuditFilter> auditFilterOnlyInSecurityChains(AuditFilter audit) {
    FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(audit);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * Requests the security firewall refuses (an encoded slash or percent sign, "..", a path that is
   * not normalized, an unknown HTTP method): 400 {@code request.malformed} as a problem document
   * (Spring's default is a bare 400). Browsers asking for a page get the error page instead; the
   * problem is written here, not by the error page, because the firewall would refuse the error
   * dispatch of an unknown method again.
   */
  @Bean
  RequestRejectedHandler malformedRequestsAreProblems(Problems problems) {
    return (request, response, rejected) -> {
      if (Problems.wantedFor(request.getRequestURI(), request.getHeader("Accept"))) {
        problems.write(response, problems.of(HttpStatus.BAD_REQUEST, "request.malformed", Languages.of(request)));
      } else {
        request.setAttribute(Problems.CODE_ATTRIBUTE, "request.malformed");
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain publicEndpoints(HttpSecurity http, Environment environment) throws Exception {
    // The sandbox stands in for a provider's own site and exists only where it is the chosen
    // provider; elsewhere its paths fall through to the authenticated chains (and answer 404 there).
    String[] open =
        PaymentSandboxCondition.SANDBOX.equals(PaymentSandboxCondition.chosenProvider(environment))
            ? new String[] {"/api/webhooks/**", "/sandbox/**", "/v3/api-docs/**", "/actuator/health/**", "/actuator/info", "/api/public/**", "/cek-rekening", "/anggota/**", "/dana-nasabah", "/api/funds/days"}
            : new String[] {"/api/webhooks/**", "/v3/api-docs/**", "/actuator/health/**", "/actuator/info", "/api/public/**", "/cek-rekening", "/anggota/**", "/dana-nasabah", "/api/funds/days"};
    return http.securityMatcher(open)
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // Callbacks are authenticated by their signature.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // The sandbox checkout is a page too (templates/sandbox/checkout.html): the same policy as the portal's.
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
        .build();
  }

  /** Asks Keycloak whether a signed-in user is still enabled (rekber.identity.user-check.*). */
  @Bean
  @ConditionalOnProperty(name = "rekber.identity.user-check.enabled", havingValue = "true", matchIfMissing = true)
  KeycloakUserStatus keycloakUserStatus(@Value("${rekber.identity.issuer-uri}") String issuer, UserCheckProperties properties) {
    return new KeycloakUserStatus(issuer, properties, System::nanoTime);
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationEntryPoint problems, AuditFilter audit,
      ObjectProvider<KeycloakUserStatus> users, Problems problemDocuments) throws Exception {
    JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
    roles.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakClaims.authorities(jwt.getClaims()));
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/admin/**").hasRole("admin")
            // Process studio: analysts draft, admins review (never their own draft: Studio checks).
            .requestMatchers("/api/studio/drafts/*/review").hasRole("admin")
            .requestMatchers("/api/studio/**").hasAnyRole("analyst", "admin")
            // Staff work only through their inboxes; deals belong to members.
            .requestMatchers("/api/inbox/**").hasAnyRole("admin", "mediator", "compliance")
            .requestMatchers("/api/deals/**", "/api/deals").hasRole("member")
            .requestMatchers("/api/fraud-reports/**", "/api/fraud-reports").hasRole("member")
            .requestMatchers("/api/membership/**", "/api/membership").hasRole("member")
            .anyRequest().authenticated())
        .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(roles)).authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // Bearer tokens, no cookies: nothing for CSRF to ride on.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // The audit filter wraps the user check, so a refusal is recorded with who was refused.
        .addFilterBefore(audit, ExceptionTranslationFilter.class);
    users.ifAvailable(u -> http.addFilterBefore(new ActiveUserFilter(u, problemDocuments, true), ExceptionTranslationFilter.class));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository clients, JwtDecoder jwtDecoder, AuditFilter audit,
      ObjectProvider<KeycloakUserStatus> users, Problems problemDocuments) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
    // PKCE even though the client is confidential; Keycloak's pages in Bahasa Indonesia first.
    pkce.setAuthorizationRequestCustomizer(
        OAuth2AuthorizationRequestCustomizers.withPkce()
            .andThen(request -> request.additionalParameters(p -> p.put("ui_locales", "id en"))));
    OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(clients);
    endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/css/**", "/assets/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
            .requestMatchers("/staff/**").hasAnyRole("admin", "mediator", "compliance")
            .requestMatchers("/studio/api/drafts/*/review").hasRole("admin")
            .requestMatchers("/studio/**", "/studio").hasAnyRole("analyst", "admin")
            .anyRequest().authenticated())
        .oauth2Login(login -> login
            .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
            .userInfoEndpoint(u -> u.oidcUserService(new KeycloakOidcUserService(jwtDecoder))))
        .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
        .headers(h -> h
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(STUDIO_PAGES,
                new StaticHeadersWriter("Content-Security-Policy", STUDIO_CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(STUDIO_PAGES),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(audit, ExceptionTranslationFilter.class);
    users.ifAvailable(u -> http.addFilterBefore(new ActiveUserFilter(u, problemDocuments, false), ExceptionTranslationFilter.class));
    return http.build();
  }
}
