package id.rekber.support;

import static org.awaitility.Awaitility.await;

import id.rekber.singlenode.DemoStaffOtp;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One-time codes for the demo staff users, whom Keycloak asks for a TOTP code after the password
 * (keycloak-realm/, decision 39). Codes come from the demo secret ({@link DemoStaffOtp}, RFC 6238).
 *
 * <p>Keycloak refuses a code it accepted in the last 90 s for the same user (the realm keeps
 * {@code otpPolicyCodeReusable} false) and accepts the codes of the previous, current and next
 * 30-second step. So each sign-in takes a step no earlier sign-in of that user at that Keycloak has
 * used; when all three are spent, it waits for the next step (at most 30 s, rare in a test run).
 */
public final class StaffOtp {
  public static final Set<String> STAFF =
      Set.of(DemoUsers.ADMIN, DemoUsers.ADMIN2, DemoUsers.MEDIATOR, DemoUsers.COMPLIANCE, DemoUsers.ANALYST);
  private static final Map<String, Set<Long>> USED = new ConcurrentHashMap<>();

  private StaffOtp() {}

  public static boolean isStaff(String email) {
    return STAFF.contains(email);
  }

  /** A code for {@code email} that {@code keycloak} (its base URL) has not seen yet. */
  public static String code(String keycloak, String email) {
    Set<Long> used = USED.computeIfAbsent(keycloak + " " + email, k -> new HashSet<>());
    synchronized (used) {
      Long step = freeStep(used);
      if (step == null) {
        long now = DemoStaffOtp.step(System.currentTimeMillis());
        await("the next one-time-code step").atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(200))
            .until(() -> DemoStaffOtp.step(System.currentTimeMillis()) > now);
        step = freeStep(used);
      }
      used.add(step);
      return DemoStaffOtp.code(DemoStaffOtp.SECRET, step);
    }
  }

  /** The current step, else the next, else the previous one while it is safely inside Keycloak's window. */
  private static Long freeStep(Set<Long> used) {
    long millis = System.currentTimeMillis();
    long now = DemoStaffOtp.step(millis);
    if (!used.contains(now)) {
      return now;
    }
    if (!used.contains(now + 1)) {
      return now + 1;
    }
    boolean earlyInStep = (millis / 1000) % DemoStaffOtp.PERIOD_SECONDS < 20;
    return earlyInStep && !used.contains(now - 1) ? now - 1 : null;
  }

  /**
   * After the password page of a real browser: for staff, waits for Keycloak's one-time-code page
   * and enters a fresh code; members go on without one.
   */
  public static void enterInBrowser(WebDriver browser, String email) {
    if (!isStaff(email)) {
      return;
    }
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("otp")))
        .sendKeys(code(keycloakOf(browser.getCurrentUrl()), email));
    browser.findElement(By.id("kc-login")).click();
  }

  /** {@code http://localhost:1234} of a Keycloak page address. */
  public static String keycloakOf(String url) {
    int realms = url.indexOf("/realms/");
    return realms < 0 ? url : url.substring(0, realms);
  }
}
