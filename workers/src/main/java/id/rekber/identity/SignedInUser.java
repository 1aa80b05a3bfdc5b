package id.rekber.identity;

import java.util.List;
import java.util.Locale;

/**
 * Who is calling, as Keycloak vouches for them: subject, verified e-mail, name, language and realm
 * roles (from the access token).
 */
public record SignedInUser(String subject, String email, boolean emailVerified, String name, Locale locale, List<String> roles) {}
