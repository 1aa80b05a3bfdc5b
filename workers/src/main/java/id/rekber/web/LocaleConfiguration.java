package id.rekber.web;

import id.rekber.platform.Languages;
import id.rekber.identity.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Bahasa Indonesia unless the person chose English. In the web UI the language saved in the
 * member's profile wins (browsers always send some Accept-Language): first the one chosen with the
 * language switch, else the one Keycloak gave at first login; it is kept in the session so the
 * profile is read once. API clients choose with Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {
  static final String SESSION_LANGUAGE = LocaleConfiguration.class.getName() + ".language";

  @Bean
  LocaleResolver localeResolver(Profiles profiles) {
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
          return Languages.of(request);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_LANGUAGE) instanceof Locale chosen) {
          return chosen;
        }
        Locale language = profiles.languageOf(user.getSubject())
            .or(() -> java.util.Optional.ofNullable(user.getLocale()).map(Locale::forLanguageTag))
            .map(Languages::supported)
            .orElseGet(() -> Languages.of(request));
        if (session != null) {
          session.setAttribute(SESSION_LANGUAGE, language);
        }
        return language;
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.getSession().setAttribute(SESSION_LANGUAGE, Languages.supported(locale));
      }
    };
  }
}
