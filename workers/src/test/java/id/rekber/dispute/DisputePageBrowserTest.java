package id.rekber.dispute;

import id.rekber.support.StaffOtp;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The party's dispute page on a phone-sized Chromium: open a dispute, write, upload; the seller's form. */
@IntegrationTest
class DisputePageBrowserTest {
  @LocalServerPort int port;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(360, 740);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void theBuyerDisputesFromThePageAndTheSellerGetsTheResponseForm() throws Exception {
    Disputes disputes = new Disputes(port);
    String id = disputes.deals.fundedDeal(SARI, BUDI, 175_000);
    disputes.deals.ship(SARI, id);
    disputes.deals.awaitStatus(BUDI, id, "DIKIRIM");
    disputes.deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> disputes.deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));

    signIn(BUDI, "/deals/" + id + "/dispute");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-dispute")));
    // Too short: the page says so next to the field, and nothing is opened.
    browser.findElement(By.id("reason")).sendKeys("Rusak");
    browser.findElement(By.cssSelector("#open-dispute")).submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#open-dispute .error")));
    assertThat(browser.findElement(By.cssSelector("#open-dispute .error")).getText()).isEqualTo("Terlalu pendek.");
    assertThat(disputes.as(BUDI).get("/api/deals/" + id + "/dispute").status()).isEqualTo(404);
    Browser.screenshot(browser, "dispute-01-reason-too-short");

    browser.findElement(By.id("reason")).clear();
    browser.findElement(By.id("reason")).sendKeys(Disputes.REASON);
    browser.findElement(By.cssSelector("#open-dispute")).submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(browser.findElement(By.id("timeline")).getText()).contains(Disputes.REASON);

    browser.findElement(By.id("text")).sendKeys("Foto label ukuran saya unggah di bawah.");
    browser.findElement(By.id("message-form")).submit();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "Foto label ukuran"));

    Path photo = Files.createTempFile("label-ukuran", ".png");
    Files.write(photo, EvidenceAccessTest.PNG);
    browser.findElement(By.id("file")).sendKeys(photo.toString());
    browser.findElement(By.id("evidence-form")).submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li[data-kind=EVIDENCE] a")));
    assertThat(browser.findElement(By.cssSelector("#timeline li[data-kind=EVIDENCE] a")).getAttribute("href"))
        .contains("/disputes/" + id + "/evidence/");
    Browser.screenshot(browser, "dispute-02-timeline");

    disputes.awaitStage(BUDI, id, "SELLER_RESPONSE");
    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    signIn(SARI, "/deals/" + id + "/dispute");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-task-form]")));
    assertThat(browser.findElement(By.cssSelector("[data-task-form]")).getAttribute("data-submit-url"))
        .isEqualTo("/deals/" + id + "/dispute/response");
    assertThat(browser.findElement(By.id("task-form-schema")).getAttribute("innerHTML")).contains("\"id\": \"seller-response\"");
    Browser.screenshot(browser, "dispute-03-seller-form");
  }

  private void signIn(String email, String path) {
    browser.get("http://localhost:" + port + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(browser, email);
  }
}
