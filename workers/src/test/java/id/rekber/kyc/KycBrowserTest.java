package id.rekber.kyc;

import id.rekber.support.StaffOtp;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.support.ApiClient;
import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chromium: a new member submits KYC on their phone (a mistake first: the page keeps what
 * they typed and says what is wrong next to the field), the name only partly matches, and the
 * compliance officer approves from the staff inbox with the case panel beside the form.
 */
@IntegrationTest
class KycBrowserTest {
  @LocalServerPort int port;
  @Autowired EmbeddedKeycloak keycloak;
  @Autowired JdbcTemplate jdbc;
  WebDriver browser;
  WebDriverWait wait;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aMemberSubmitsKycOnTheirPhoneAndAComplianceOfficerApprovesIt() throws Exception {
    String member = KycFixtures.newMember(keycloak.logFile().getParent().toString(), "Maya", "Anggraini");
    String account = KycFixtures.newAccountNumber();
    KycFixtures.openBankAccount(port, "BNI", account, "MAYA");
    Path ktp = Files.createTempFile("ktp", ".jpg");
    Files.write(ktp, KycFixtures.JPEG);
    Path selfie = Files.createTempFile("selfie", ".png");
    Files.write(selfie, KycFixtures.PNG);
    String nik = KycFixtures.nik("030295", true);

    open(390, 844);
    signIn(member, "/kyc", By.id("kyc-form"));
    assertThat(browser.findElement(By.id("kyc-tier")).getText()).contains("Tier 0");
    type("fullName", "Maya Anggraini");
    browser.findElement(By.id("gender-F")).click();
    setDate("birthDate", "1995-02-03");
    type("nik", "3174");
    type("phone", "0813 1111 2222");
    browser.findElement(By.cssSelector("#bankCode option[value=BNI]")).click();
    type("bankAccountNumber", account);
    browser.findElement(By.id("ktpPhoto")).sendKeys(ktp.toString());
    Browser.screenshot(browser, "kyc-01-form");
    browser.findElement(By.id("kyc-submit")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nik-error")));
    assertThat(browser.findElement(By.id("nik-error")).getText()).isEqualTo("NIK terdiri dari 16 angka.");
    assertThat(browser.findElement(By.id("selfie-error")).getText()).isEqualTo("Pilih foto.");
    assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Maya Anggraini");
    assertThat(browser.findElement(By.id("bankAccountNumber")).getAttribute("value")).isEqualTo(account);
    assertThat(browser.findElement(By.id("gender-F")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("nik")).getAttribute("aria-invalid")).isEqualTo("true");
    Browser.screenshot(browser, "kyc-02-errors-next-to-fields");

    browser.findElement(By.id("nik")).clear();
    type("nik", nik);
    browser.findElement(By.id("ktpPhoto")).sendKeys(ktp.toString());
    browser.findElement(By.id("selfie")).sendKeys(selfie.toString());
    browser.findElement(By.id("kyc-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kyc-submitted")));
    wait.until(d -> {
      d.navigate().refresh();
      return d.findElement(By.id("kyc-submission-status")).getText().equals("Ditinjau petugas kepatuhan");
    });
    assertThat(browser.findElement(By.id("kyc-nik-masked")).getText()).isEqualTo(nik.substring(0, 4) + "********" + nik.substring(12));
    assertThat(browser.getPageSource()).doesNotContain(nik);
    Browser.screenshot(browser, "kyc-03-in-review");
    browser.quit();

    long key = awaitReviewTask(member);
    open(1280, 900);
    signIn(COMPLIANCE, "/staff/inbox?q=kyc-approval", By.id("nav-inbox"));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href$='/staff/tasks/" + key + "']"))).click();
    WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kyc-case")));
    assertThat(browser.findElement(By.id("kyc-case-nik")).getText()).isEqualTo(nik);
    assertThat(browser.findElement(By.id("kyc-case-account")).getText()).contains(account);
    assertThat(browser.findElement(By.id("kyc-case-risk-reasons")).getText()).contains("hanya cocok sebagian");
    assertThat(panel.getText()).contains("MAYA").contains("PARTIAL");
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return [...document.querySelectorAll('.kyc-photo')].every(i => i.complete && i.naturalWidth > 0)"));
    assertThat(browser.findElements(By.cssSelector(".kyc-photo"))).hasSize(2);
    Browser.screenshot(browser, "kyc-04-case-panel");

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='task-form']//label[contains(., 'Approve (tier 1)')]"))).click();
    browser.findElement(By.cssSelector(".task-form-submit")).click();
    wait.until(ExpectedConditions.urlContains("/staff/inbox?done="));
    Browser.screenshot(browser, "kyc-05-approved");

    await().atMost(Duration.ofSeconds(30)).until(() -> KycFixtures.me(port, member).get("kycTier").asInt() == 1);
    // Audited on this member's own submission and documents (other tests' officers' views are other rows).
    String submission = KycFixtures.me(port, member).at("/submission/id").asText();
    assertThat(jdbc.queryForList(
            "SELECT DISTINCT object_id FROM audit_event WHERE actor = ? AND action = 'KYC_DOCUMENT_VIEW' AND outcome = 'ALLOWED'"
                + " AND object_id IN (SELECT id::text FROM kyc_document WHERE submission_id = ?::uuid)", String.class, COMPLIANCE, submission))
        .hasSize(2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'KYC_VIEW_FULL' AND object_id = ?", Integer.class,
        COMPLIANCE, submission)).isPositive();
  }

  private void open(int width, int height) {
    browser = Browser.open(width, height);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  private void signIn(String email, String path, By landed) {
    browser.get("http://localhost:" + port + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(browser, email);
    wait.until(ExpectedConditions.presenceOfElementLocated(landed));
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  /** Date inputs take keystrokes in the browser's locale order; set the value as a user agent would. */
  private void setDate(String id, String isoDate) {
    ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
  }

  private long awaitReviewTask(String member) {
    String id = KycFixtures.me(port, member).at("/submission/id").asText();
    long[] key = new long[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      for (JsonNode t : ApiClient.as(port, COMPLIANCE).get("/api/inbox/tasks").json()) {
        if (t.path("variablesJson").asText().contains(id)) {
          key[0] = t.get("key").asLong();
          return true;
        }
      }
      return false;
    });
    return key[0];
  }
}
