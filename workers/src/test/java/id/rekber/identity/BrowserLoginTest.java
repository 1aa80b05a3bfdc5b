package id.rekber.identity;

import static id.rekber.support.DemoUsers.ANALYST;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import id.rekber.support.StaffOtp;
import id.rekber.support.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in through Keycloak's login page in a real Chromium and signs out of both; staff also give a one-time code. */
@IntegrationTest
class BrowserLoginTest {
  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(360, 740);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aMemberSignsInWithKeycloakAndSignsOutOfBothSessions() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/");

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl()).contains("/realms/rekber/protocol/openid-connect/auth").contains("code_challenge=");
    Browser.screenshot(browser, "login-01-keycloak-page");
    browser.findElement(By.id("username")).sendKeys(BUDI);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
    assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Halo, Budi Santoso (demo)");
    Browser.screenshot(browser, "login-02-signed-in");

    browser.findElement(By.id("logout")).click();
    // Keycloak's session ended too: the app sends us back to the login form, not straight in.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    Browser.screenshot(browser, "login-03-signed-out");
    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getPageSource()).doesNotContain("Halo, Budi");
  }

  /**
   * Staff need a one-time code after the password (keycloak-realm/, decision 39): the test computes
   * it from the demo secret (RFC 6238) as an authenticator app would. Without a code the password
   * grant refuses a staff user.
   */
  @Test
  void staffSignInWithAOneTimeCodeTheBrowserNeverSkips() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/staff/inbox");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(MEDIATOR);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
    assertThat(browser.getCurrentUrl()).contains("/realms/rekber/");
    assertThat(browser.findElements(By.id("nav-inbox"))).isEmpty(); // the password alone did not sign in
    Browser.screenshot(browser, "login-04-staff-one-time-code");
    browser.findElement(By.id("otp")).sendKeys(StaffOtp.code(StaffOtp.keycloakOf(browser.getCurrentUrl()), MEDIATOR));
    browser.findElement(By.id("kc-login")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-inbox")));
    assertThat(Tokens.request(ANALYST, "rekber-demo", null).statusCode()).isIn(400, 401);
    assertThat(Tokens.request(ANALYST, "rekber-demo").statusCode()).isEqualTo(200);
  }
}
