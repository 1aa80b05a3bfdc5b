package id.rekber.dispute;

import id.rekber.support.StaffOtp;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.MEDIATOR;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.Browser;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Buyer disputes, the seller contests on the dispute page, and a mediator splits the money from the staff inbox in a real
 * Chromium: the case beside the form, a split that does not add up refused next to the fields,
 * then both parties paid their parts.
 */
@IntegrationTest
class MediatorDecidesInBrowserTest {
  @LocalServerPort int port;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Browser.open(1280, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void aMediatorSplitsAContestedDisputeFromTheInbox() {
    Disputes disputes = new Disputes(port);
    String id = disputes.disputedDeal(SARI, BUDI, 300_000);

    // The seller contests on the dispute page, on a phone, through the seller-response Camunda Form.
    WebDriver phone = Browser.open(390, 844);
    try {
      signIn(phone, SARI, "/", "greeting");
      phone.get(url("/deals/" + id + "/dispute"));
      WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(30));
      phoneWait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//*[@data-task-form]//label[contains(., 'Tolak klaim')]"))).click();
      phone.findElement(By.cssSelector("[data-task-form] textarea")).sendKeys("Ukuran sesuai pesanan, lihat foto.");
      Browser.screenshot(phone, "mediator-00-seller-contests");
      phone.findElement(By.cssSelector(".task-form-submit")).click();
      disputes.awaitStage(BUDI, id, "MEDIATION");
      assertThat(Browser.consoleErrors(phone)).isEmpty();
    } finally {
      phone.quit();
    }
    disputes.awaitTask(MEDIATOR, id, "Task_MediatorDecision");
    JsonNode deal = disputes.deals.get(BUDI, id);
    long splittable = deal.get("buyerPays").asLong() - deal.get("fee").asLong();
    long toBuyer = 100_000;
    long toSeller = splittable - toBuyer;

    signIn(browser, MEDIATOR, "/staff/inbox", "nav-inbox");
    browser.get(url("/staff/inbox?q=" + id));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".tasks .task-name"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assignee"), MEDIATOR));
    String casePanel = browser.findElement(By.cssSelector(".case-panel")).getText();
    assertThat(casePanel).contains(id).contains(Disputes.REASON).contains("Ukuran sesuai pesanan");
    Browser.screenshot(browser, "mediator-01-case-and-form");

    chooseOption("Split");
    WebElement buyerAmount = wait.until(ExpectedConditions.visibilityOfElementLocated(field("Field_BuyerAmount")));
    buyerAmount.sendKeys(String.valueOf(toBuyer));
    browser.findElement(field("Field_SellerAmount")).sendKeys(String.valueOf(toSeller - 1));
    // The case facts for Tasklist render as disabled fields; only the reason is typed.
    WebElement claim = browser.findElement(By.cssSelector("#task-form textarea[id$='-Fact_CaseClaim']"));
    assertThat(claim.isEnabled()).isFalse();
    assertThat(claim.getAttribute("value")).isEqualTo(Disputes.REASON);
    assertThat(browser.findElement(field("Fact_CaseBuyer")).getAttribute("value")).startsWith("B").contains("*").doesNotContain("Budi");
    browser.findElement(By.cssSelector("#task-form textarea[id$='-Field_Reason']")).sendKeys(Disputes.DECISION_REASON);
    browser.findElement(By.cssSelector(".task-form-submit")).click();

    // The server's rule (parts add up to the held money minus the fee) shows next to the fields.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-form-message"), "berjumlah tepat"));
    assertThat(browser.findElements(By.cssSelector("#task-form .fjs-form-field-error"))).isNotEmpty();
    Browser.screenshot(browser, "mediator-02-split-does-not-add-up");
    assertThat(disputes.deals.get(BUDI, id).get("status").asText()).isEqualTo("SENGKETA");

    WebElement sellerAmount = browser.findElement(field("Field_SellerAmount"));
    sellerAmount.clear();
    sellerAmount.sendKeys(String.valueOf(toSeller));
    browser.findElement(By.cssSelector(".task-form-submit")).click();
    wait.until(ExpectedConditions.urlContains("/staff/inbox?done="));
    Browser.screenshot(browser, "mediator-03-decided");
    assertThat(Browser.consoleErrors(browser)).allMatch(e -> e.contains("/complete") && e.contains("400"));

    disputes.deals.awaitStatus(BUDI, id, "SELESAI");
    JsonNode payouts = disputes.awaitPayoutsCompleted(BUDI, id, 2);
    assertThat(payouts).extracting(p -> p.get("amount").asLong()).containsExactlyInAnyOrder(toBuyer, toSeller);
  }

  /** form-js gives each input the id of its form component (see forms/mediator-decision.form). */
  private By field(String componentId) {
    return By.cssSelector("#task-form input[id$='-" + componentId + "']");
  }

  private void chooseOption(String label) {
    browser.findElement(By.cssSelector("#task-form .fjs-form-field-select .fjs-input-group")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + label + "')]"))).click();
  }

  private void signIn(WebDriver driver, String email, String startPath, String landmarkId) {
    WebDriverWait signInWait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get(url(startPath));
    signInWait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys("rekber-demo");
    driver.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(driver, email);
    signInWait.until(ExpectedConditions.presenceOfElementLocated(By.id(landmarkId)));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
