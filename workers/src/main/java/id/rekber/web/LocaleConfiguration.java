package id.rekber.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Bahasa Indonesia unless the person chose English. In the web UI the language saved in the
 * user's Keycloak profile wins (browsers always send some Accept-Language); API clients choose
 * with Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {
  @Bean
  LocaleResolver localeResolver() {
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OidcUser user && user.getLocale() != null) {
          return Languages.supported(Locale.forLanguageTag(user.getLocale()));
        }
        return Languages.of(request);
      }

      @Override
      public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language comes from the profile or the request");
      }
    };
  }
}
