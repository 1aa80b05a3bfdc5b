package id.rekber.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new person registers on Keycloak's page, verifies their e-mail with the link Keycloak mailed
 * through our SMTP server, and lands in Rekber as a new tier-0 member.
 */
@IntegrationTest
class RegistrationTest {
  private static final Pattern VERIFY_LINK = Pattern.compile("(http://localhost:\\d+/realms/rekber/login-actions/action-token\\?[^\\s\"<>]+)");

  @LocalServerPort int port;
  @Autowired GreenMail smtp;
  @Autowired JdbcTemplate jdbc;
  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(390, 844);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aNewMemberRegistersVerifiesTheirEmailAndIsProvisioned() throws Exception {
    String email = "dewi." + UUID.randomUUID().toString().substring(0, 8) + "@rekber.test";
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kc-registration a"))).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email"))).sendKeys(email);
    browser.findElement(By.id("firstName")).sendKeys("Dewi");
    browser.findElement(By.id("lastName")).sendKeys("Lestari");
    // Keycloak 26.7's registration page asks for no password; it is set after verification.
    Browser.screenshot(browser, "register-01-form");
    browser.findElement(By.cssSelector("[type=submit]")).click();

    String link = awaitVerificationLink(email);
    Browser.screenshot(browser, "register-02-verify-email");
    browser.get(link);
    // Follow Keycloak's remaining steps (confirm, choose a password) until Rekber's page shows.
    for (int step = 0; step < 5 && browser.findElements(By.id("greeting")).isEmpty(); step++) {
      wait.until(d -> !d.findElements(By.id("greeting")).isEmpty()
          || !d.findElements(By.id("password-new")).isEmpty()
          || !d.findElements(By.id("password")).isEmpty()
          || !d.findElements(By.xpath("//a[contains(@href,'login-actions')]")).isEmpty());
      if (!browser.findElements(By.id("password-new")).isEmpty()) {
        Browser.screenshot(browser, "register-03-set-password");
        browser.findElement(By.id("password-new")).sendKeys("kopi-tubruk-2026");
        browser.findElement(By.id("password-confirm")).sendKeys("kopi-tubruk-2026");
        clickAndAwaitNextPage(wait, By.cssSelector("[type=submit]"));
      } else if (!browser.findElements(By.id("password")).isEmpty()) {
        browser.findElement(By.id("password")).sendKeys("kopi-tubruk-2026");
        if (!browser.findElements(By.id("password-confirm")).isEmpty()) {
          browser.findElement(By.id("password-confirm")).sendKeys("kopi-tubruk-2026");
        }
        clickAndAwaitNextPage(wait, By.cssSelector("[type=submit]"));
      } else if (browser.findElements(By.id("greeting")).isEmpty()) {
        clickAndAwaitNextPage(wait, By.xpath("//a[contains(@href,'login-actions')]"));
      }
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
    assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Halo, Dewi Lestari");
    Browser.screenshot(browser, "register-04-signed-in");

    assertThat(jdbc.queryForObject("SELECT kyc_tier FROM app_user WHERE email = ?", Integer.class, email)).isZero();
    assertThat(jdbc.queryForObject("SELECT idp_subject IS NOT NULL FROM app_user WHERE email = ?", Boolean.class, email)).isTrue();
  }

  /** Clicks and waits until the browser has left the page, so the next step never sees the old one. */
  private void clickAndAwaitNextPage(WebDriverWait wait, By target) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    wait.until(ExpectedConditions.stalenessOf(page));
  }

  private String awaitVerificationLink(String email) {
    String[] link = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (MimeMessage message : smtp.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                  Matcher m = VERIFY_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
                  if (m.find()) {
                    link[0] = m.group(1).replace("&amp;", "&");
                    return true;
                  }
                }
              }
              return false;
            });
    return link[0];
  }
}
