package id.rekber.singlenode;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of the {@code ${NAME}} / {@code ${NAME:default}} placeholders in the realm file for the
 * embedded Keycloak. The realm file carries no secret itself (the cluster stack gives them from
 * {@code .env}); single-node mode uses the DEMO-ONLY secrets the application defaults to (unless the
 * environment sets its own), and random ones for the cluster clients, which it never uses.
 */
final class RealmPlaceholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");
  /** Same defaults as application.yml, so that the application and its Keycloak agree. */
  static final Map<String, String> DEMO_SECRETS = Map.of(
      "REKBER_OIDC_CLIENT_SECRET", "rekber-web-DEMO-ONLY-secret",
      "REKBER_APP_CLIENT_SECRET", "rekber-app-DEMO-ONLY-secret",
      "REKBER_PARTNER_DEMO_SECRET", "rekber-partner-DEMO-ONLY-secret");
  static final String DEMO_TOTP_SECRET = "REKBER_DEMO_TOTP_SECRET";
  /** Clients for the orchestration cluster: unused in single-node mode, so nobody needs to know them. */
  static final String[] CLUSTER_ONLY_SECRETS = {"REKBER_ORCHESTRATION_SECRET", "REKBER_WORKER_SECRET"};

  private RealmPlaceholders() {}

  /** The environment for Keycloak's import: what {@code environment} sets, else the single-node values. */
  static Map<String, String> forSingleNode(Map<String, String> environment, String smtpHost, int smtpPort) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("REKBER_SMTP_HOST", smtpHost);
    values.put("REKBER_SMTP_PORT", Integer.toString(smtpPort));
    DEMO_SECRETS.forEach((name, demo) -> values.put(name, nonBlank(environment.get(name), demo)));
    // DEMO ONLY: the demo staff users' one-time-code secret, so tests and scripts/staff-otp.sh can compute codes.
    values.put(DEMO_TOTP_SECRET, nonBlank(environment.get(DEMO_TOTP_SECRET), DemoStaffOtp.SECRET));
    SecureRandom random = new SecureRandom();
    for (String name : CLUSTER_ONLY_SECRETS) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      values.put(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return values;
  }

  /**
   * Replaces placeholders as Keycloak's import does, for JSON this class sends to the admin API
   * itself; a placeholder without value or default is an error rather than a literal secret.
   */
  static String resolve(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), matcher.group(2));
      if (value == null) {
        throw new IllegalStateException("The realm file uses ${" + matcher.group(1) + "}, which single-node mode does not set");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
