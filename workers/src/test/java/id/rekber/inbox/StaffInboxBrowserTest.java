package id.rekber.inbox;

import id.rekber.support.StaffOtp;
import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.JOKO;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.ApiClient;
import id.rekber.support.Browser;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin works a failed payout from the staff inbox in a real Chromium: list, claim, Camunda Form, done. */
@IntegrationTest
class StaffInboxBrowserTest {
  @LocalServerPort int port;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void anAdminRetriesAFailedPayoutThroughTheTaskForm() {
    Deals deals = new Deals(port);
    setJokosAccount("5550000"); // the sandbox bank rejects accounts ending in 0000
    String dealId = deals.fundedDeal(JOKO, BUDI, 150_000);
    deals.ship(JOKO, dealId);
    deals.awaitStatus(BUDI, dealId, "DIKIRIM");
    deals.act(BUDI, dealId, "accept-goods");

    signIn(ADMIN);
    wait.until(d -> {
      d.get(url("/staff/inbox?q=" + dealId));
      return !d.findElements(By.cssSelector(".tasks .task-name")).isEmpty();
    });
    assertThat(browser.findElement(By.cssSelector(".tasks li")).getText()).contains(dealId).contains("Belum diambil")
        .contains("Tinjau pembayaran keluar yang gagal");
    Browser.screenshot(browser, "inbox-01-list");

    browser.findElement(By.cssSelector(".tasks .task-name")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assignee"), ADMIN));
    WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-form textarea")));
    assertThat(browser.findElement(By.cssSelector(".case-panel")).getText()).contains(dealId).contains("account not found");

    // The form's own rules show next to the fields and nothing is sent.
    browser.findElement(By.cssSelector(".task-form-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-form .fjs-form-field-error")));
    assertThat(browser.findElement(By.cssSelector("#task-form .fjs-form-field-error")).getText()).isEqualTo("Wajib diisi.");
    assertThat(Browser.consoleErrors(browser)).isEmpty();
    Browser.screenshot(browser, "inbox-02-form-errors");

    setJokosAccount("5551234567");
    chooseOption("Retry payout");
    note.sendKeys("Penjual sudah memperbaiki nomor rekening");
    Browser.screenshot(browser, "inbox-03-form-filled");
    browser.findElement(By.cssSelector(".task-form-submit")).click();

    wait.until(ExpectedConditions.urlContains("/staff/inbox?done="));
    assertThat(browser.findElements(By.xpath("//li[contains(., '" + dealId + "')]"))).isEmpty();
    Browser.screenshot(browser, "inbox-04-done");
    deals.awaitStatus(JOKO, dealId, "SELESAI");
  }

  private void chooseOption(String label) {
    browser.findElement(By.cssSelector("#task-form .fjs-form-field-select .fjs-input-group")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + label + "')]"))).click();
  }

  private void signIn(String email) {
    browser.get(url("/staff/inbox"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(browser, email);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-inbox")));
  }

  private void setJokosAccount(String number) {
    ApiClient.Response r = ApiClient.as(port, JOKO)
        .put("/api/me/payout-account", Map.of("bankCode", "MANDIRI", "accountNumber", number, "accountName", "JOKO"));
    assertThat(r.status()).isEqualTo(200);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
