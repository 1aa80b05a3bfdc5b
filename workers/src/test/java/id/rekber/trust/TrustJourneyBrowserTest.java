package id.rekber.trust;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.COMPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.kyc.KycFixtures;
import id.rekber.singlenode.EmbeddedKeycloak;
import id.rekber.singlenode.TimeMachine;
import id.rekber.support.ApiClient;
import id.rekber.support.StaffOtp;
import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium: a member reports a seller's bank account, compliance verifies it, the public
 * check shows it, the owner appeals ("dalam sengketa"), an admin as second reviewer normalises it,
 * and the check is clean again. Screenshots trust-*.png.
 */
@IntegrationTest
class TrustJourneyBrowserTest {
  @LocalServerPort int port;
  @Autowired EmbeddedKeycloak keycloak;
  @Autowired TimeMachine time;
  WebDriver browser;
  WebDriverWait wait;

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReportIsVerifiedShownAppealedNormalisedAndTheCheckIsCleanAgain() throws Exception {
    TrustFixtures.Owner owner = TrustFixtures.verifiedOwner(port, keycloak.logFile().getParent().toString(), "Wulan", "Sari");
    Path evidence = Files.createTempFile("bukti", ".png");
    Files.write(evidence, KycFixtures.PNG);
    String check = "/cek-rekening?kind=BANK_ACCOUNT&bankCode=BCA&number=" + owner.account();

    open(390, 844);
    signIn(BUDI, "/laporan", By.id("fraud-form"));
    browser.findElement(By.id("report-bank-code")).sendKeys("BCA");
    browser.findElement(By.id("report-number")).sendKeys(owner.account());
    browser.findElement(By.id("report-description")).sendKeys("Saya transfer Rp 2.000.000 untuk kamera, penjual tidak mengirim dan menghilang.");
    browser.findElement(By.id("report-files")).sendKeys(evidence.toString());
    Browser.screenshot(browser, "trust-01-report");
    browser.findElement(By.id("report-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-status")));
    assertThat(browser.findElement(By.id("report-number")).getText()).isEqualTo("BCA ******" + owner.account().substring(6));
    String report = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    browser.quit();

    long review = TrustFixtures.awaitTask(port, COMPLIANCE, report, "Task_ReviewReport");
    time.advance(Duration.ofMinutes(1)); // a fresh rate-limit window: other classes may have spent this client's minute
    open(1280, 900);
    signIn(COMPLIANCE, "/staff/tasks/" + review, By.id("fraud-case"));
    assertThat(browser.findElement(By.id("fraud-case-description")).getText()).contains("kamera");
    decide("Verified: block the number", "Bukti transfer dan chat cocok.");
    Browser.screenshot(browser, "trust-02-verified");
    TrustFixtures.awaitStatus(port, owner.email(), report, "VERIFIED");
    browser.get("http://localhost:" + port + check);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .verdict-reported")));
    assertThat(browser.findElement(By.cssSelector("#check-result .verdict-reported")).getText()).startsWith("1 ");
    assertThat(browser.findElement(By.id("check-result")).getText()).contains("Terverifikasi Rekber").doesNotContain("Wulan").doesNotContain(owner.account());
    Browser.screenshot(browser, "trust-03-check-reported");
    browser.quit();

    open(390, 844);
    signIn(owner.email(), "/laporan/" + report, By.id("appeal-form"));
    browser.findElement(By.id("appeal-text")).sendKeys("Kamera sudah saya kirim lewat JNE, ini resi dan foto paketnya.");
    browser.findElement(By.id("appeal-files")).sendKeys(evidence.toString());
    browser.findElement(By.id("appeal-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    assertThat(browser.findElement(By.id("report-status")).getAttribute("class")).contains("status-APPEALED");
    Browser.screenshot(browser, "trust-04-appealed");
    browser.get("http://localhost:" + port + check);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .verdict-disputed")));
    Browser.screenshot(browser, "trust-05-check-disputed");
    browser.quit();

    long appeal = TrustFixtures.awaitTask(port, ADMIN, report, "Task_ReviewAppeal");
    open(1280, 900);
    signIn(ADMIN, "/staff/tasks/" + appeal, By.id("fraud-case"));
    assertThat(browser.findElement(By.id("fraud-case-verified-by")).getText()).isEqualTo(COMPLIANCE);
    decide("Normalise: lift the block", "Resi JNE valid, barang diterima pembeli.");
    Browser.screenshot(browser, "trust-06-normalised");
    TrustFixtures.awaitStatus(port, owner.email(), report, "NORMALISED");
    browser.get("http://localhost:" + port + check);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#check-result .verdict-clean")));
    assertThat(browser.findElements(By.cssSelector("#check-result .verdict-reported, #check-result .verdict-disputed, #check-result .verdict-listed")))
        .isEmpty();
    Browser.screenshot(browser, "trust-07-check-clean");
    assertThat(ApiClient.anonymous(port).get("/api/public/check?bankCode=BCA&accountNumber=" + owner.account()).json().get("listed").asBoolean()).isFalse();
  }

  private void decide(String option, String reason) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='task-form']//label[contains(., '" + option + "')]"))).click();
    browser.findElement(By.xpath("//*[@id='task-form']//textarea")).sendKeys(reason);
    browser.findElement(By.cssSelector(".task-form-submit")).click();
    wait.until(ExpectedConditions.urlContains("/staff/inbox?done="));
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
}
