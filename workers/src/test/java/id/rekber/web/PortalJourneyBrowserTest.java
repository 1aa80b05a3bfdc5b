package id.rekber.web;

import id.rekber.support.StaffOtp;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.Browser;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A seller and a buyer, each in their own phone-sized Chromium (360 px), take a deal from creation
 * to released money through the portal, and a buyer finds the way to open a dispute. Every step is
 * a screenshot under target/screenshots, and no page scrolls sideways.
 */
@IntegrationTest
class PortalJourneyBrowserTest {
  @LocalServerPort int port;
  WebDriver seller;
  WebDriver buyer;

  @BeforeEach
  void openBrowsers() {
    seller = phone();
    buyer = phone();
  }

  /** Headless Chromium keeps windows at least 500 px wide, so the phone's viewport is emulated. */
  private static WebDriver phone() {
    WebDriver browser = Browser.open(360, 740);
    ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    return browser;
  }

  @AfterEach
  void closeBrowsers() {
    seller.quit();
    buyer.quit();
  }

  @Test
  void aDealGoesFromSharedLinkToReleasedMoney() {
    signIn(seller, SARI);
    seller.findElement(By.id("nav-new-deal")).click();
    wait(seller).until(ExpectedConditions.presenceOfElementLocated(By.id("create-deal"))).click();
    assertThat(wait(seller).until(ExpectedConditions.presenceOfElementLocated(By.id("itemName-error"))).getText())
        .contains("Nama barang wajib diisi.");
    step(seller, "portal-01-seller-form-errors");

    seller.findElement(By.id("itemName")).sendKeys("Jaket denim bekas ukuran L");
    seller.findElement(By.id("price")).sendKeys("1.250.000");
    seller.findElement(By.id("shippingCost")).clear();
    seller.findElement(By.id("shippingCost")).sendKeys("25.000");
    new Select(seller.findElement(By.id("shipWithinDays"))).selectByValue("2");
    seller.findElement(By.id("counterparty")).sendKeys(BUDI);
    step(seller, "portal-02-seller-form-filled");
    seller.findElement(By.id("create-deal")).click();

    wait(seller).until(ExpectedConditions.presenceOfElementLocated(By.id("share")));
    String dealUrl = seller.getCurrentUrl();
    String dealId = dealUrl.substring(dealUrl.lastIndexOf('/') + 1);
    String whatsapp = seller.findElement(By.id("share-whatsapp")).getAttribute("href");
    assertThat(whatsapp).startsWith("https://wa.me/?text=");
    assertThat(URLDecoder.decode(whatsapp.substring(whatsapp.indexOf("text=") + 5), StandardCharsets.UTF_8))
        .contains("Jaket denim bekas ukuran L").contains("Rp 1.306.875").contains("/deals/" + dealId);
    assertThat(seller.findElement(By.id("deal-link")).getAttribute("value")).endsWith("/deals/" + dealId);
    step(seller, "portal-03-seller-share-link");

    // The buyer opens the shared link.
    signIn(buyer, BUDI);
    buyer.get(url("/deals/" + dealId));
    wait(buyer).until(ExpectedConditions.elementToBeClickable(By.id("accept")));
    step(buyer, "portal-04-buyer-invited");
    buyer.findElement(By.id("accept")).click();
    awaitStatus(buyer, "Menunggu pembayaran");
    step(buyer, "portal-05-buyer-accepted");

    // Pay: Rekber sends the buyer to the payment provider's checkout (the sandbox's).
    wait(buyer).until(payWhenInvoiceReady());
    assertThat(buyer.getCurrentUrl()).contains("/sandbox/checkout/PAY-" + dealId);
    assertThat(buyer.getPageSource()).contains("Rp 1.306.875"); // 1.275.000 plus the 2.5 % fee (31.875), paid by the buyer
    step(buyer, "portal-06-sandbox-checkout");
    buyer.findElement(By.cssSelector("button[type=submit]")).click();
    wait(buyer).until(ExpectedConditions.elementToBeClickable(By.id("back-to-deal"))).click();
    awaitStatus(buyer, "Dana ditahan");
    assertThat(ledgerText(buyer)).contains("dibayar pembeli dan ditahan Rekber");
    step(buyer, "portal-07-buyer-funds-held");

    // The seller ships.
    seller.get(url("/deals/" + dealId));
    awaitStatus(seller, "Dana ditahan");
    seller.findElement(By.id("ship")).click();
    assertThat(wait(seller).until(ExpectedConditions.presenceOfElementLocated(By.id("courier-error"))).getText())
        .contains("Nama kurir wajib diisi.");
    seller.findElement(By.id("courier")).sendKeys("JNE");
    seller.findElement(By.id("trackingNumber")).sendKeys("JNE1234567890");
    step(seller, "portal-08-seller-ship-form");
    seller.findElement(By.id("ship")).click();
    awaitStatus(seller, "Dikirim");
    step(seller, "portal-09-seller-shipped");

    // The buyer confirms receipt, then accepts the goods.
    buyer.navigate().refresh();
    awaitStatus(buyer, "Dikirim");
    buyer.findElement(By.id("confirm-receipt")).click();
    wait(buyer).until(d -> {
      d.navigate().refresh();
      return !d.findElements(By.id("open-dispute")).isEmpty();
    });
    step(buyer, "portal-10-buyer-inspecting");
    buyer.findElement(By.id("accept-goods")).click();
    awaitStatus(buyer, "Selesai");

    // Both see where the money went, in plain words.
    for (WebDriver party : new WebDriver[] {buyer, seller}) {
      party.get(url("/deals/" + dealId));
      wait(party).until(d -> {
        d.navigate().refresh();
        return ledgerText(d).contains("ditransfer ke rekening penjual");
      });
      assertThat(ledgerText(party))
          .contains("dibayar pembeli dan ditahan Rekber")
          .contains("diteruskan ke penjual")
          .contains("biaya layanan Rekber");
      assertThat(party.findElement(By.id("held-now")).getText()).isEqualTo("Rp 0");
      assertThat(party.findElement(By.id("timeline")).getText()).contains("Barang diterima pembeli").contains("Dana ditransfer");
      wait(party).until(ExpectedConditions.attributeToBe(By.id("deal-diagram"), "data-rendered", "true"));
      assertThat(party.findElements(By.cssSelector("#deal-diagram .rekber-done"))).isNotEmpty();
      assertThat(party.findElement(By.id("deal-diagram")).getAttribute("data-done")).contains("Task_ReleaseFunds").contains("EndEvent_DealCompleted");
      assertThat(Browser.consoleErrors(party)).isEmpty();
    }
    scrollTo(buyer, "money");
    step(buyer, "portal-11-buyer-money-released");
    scrollTo(seller, "money");
    step(seller, "portal-12-seller-money-released");
    scrollTo(seller, "process");
    step(seller, "portal-13-seller-diagram");
    scrollTo(seller, "timeline");
    step(seller, "portal-14-seller-timeline");

    seller.findElement(By.id("nav-deals")).click();
    assertThat(seller.findElement(By.id("as-seller")).getText()).contains("Jaket denim bekas ukuran L").contains("Selesai");
    step(seller, "portal-15-seller-my-deals");
    seller.findElement(By.id("nav-notifications")).click();
    assertThat(seller.findElement(By.tagName("main")).getText()).contains(dealId);
    step(seller, "portal-16-seller-notifications");
  }

  @Test
  void aBuyerInTheInspectionPeriodFindsTheDisputeButton() {
    Deals deals = new Deals(port);
    String dealId = deals.fundedDeal(SARI, BUDI, 400_000);
    deals.ship(SARI, dealId);
    deals.awaitStatus(BUDI, dealId, "DIKIRIM");

    signIn(buyer, BUDI);
    buyer.get(url("/deals/" + dealId));
    assertThat(buyer.findElements(By.id("open-dispute"))).as("no dispute before the goods arrive").isEmpty();
    buyer.findElement(By.id("confirm-receipt")).click();
    wait(buyer).until(d -> {
      d.navigate().refresh();
      return !d.findElements(By.id("open-dispute")).isEmpty();
    });
    assertThat(buyer.findElement(By.id("open-dispute")).getAttribute("href")).isEqualTo(url("/deals/" + dealId + "/dispute"));
    assertThat(buyer.findElement(By.id("deal-diagram")).getAttribute("data-active")).contains("Task_AwaitBuyerVerdict");
    step(buyer, "portal-20-buyer-can-dispute");
    // On a phone the step tracker tells the same story: delivery done, inspection now, with its deadline.
    assertThat(buyer.findElement(By.cssSelector("#steps li[data-element-id='Gateway_AwaitDelivery']")).getAttribute("data-state")).isEqualTo("done");
    WebElement inspection = buyer.findElement(By.cssSelector("#steps li[data-element-id='Task_AwaitBuyerVerdict']"));
    assertThat(inspection.getAttribute("data-state")).isEqualTo("now");
    assertThat(inspection.findElement(By.tagName("time")).getText()).startsWith("batas ");
    ((JavascriptExecutor) buyer).executeScript("document.getElementById('steps').scrollIntoView()");
    Browser.screenshot(buyer, "studio-07-phone-step-tracker");
    buyer.findElement(By.id("full-diagram")).click();
    wait(buyer).until(ExpectedConditions.attributeToBe(By.id("deal-diagram"), "data-rendered", "true"));
    Browser.screenshot(buyer, "studio-08-phone-full-diagram");
    buyer.get(url("/deals/" + dealId));

    buyer.findElement(By.id("open-dispute")).click();
    wait(buyer).until(ExpectedConditions.presenceOfElementLocated(By.id("reason")))
        .sendKeys("Sepatu yang datang ukuran 40, bukan 42 seperti di iklan.");
    step(buyer, "portal-21-dispute-reason");
    buyer.findElement(By.cssSelector("#open-dispute button[type=submit]")).click();
    deals.awaitStatus(BUDI, dealId, "SENGKETA");
    buyer.get(url("/deals/" + dealId));
    wait(buyer).until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    assertThat(buyer.findElement(By.id("status")).getText()).isEqualTo("Sengketa");
    step(buyer, "portal-22-deal-in-dispute");

    signIn(seller, SARI);
    seller.get(url("/deals/" + dealId));
    assertThat(seller.findElements(By.id("open-dispute"))).as("only the buyer disputes").isEmpty();
  }

  private void signIn(WebDriver browser, String email) {
    browser.get(url("/"));
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(browser, email);
    wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
  }

  /** Clicks "pay" until the invoice exists and the checkout opens (the invoice is created a moment after accepting). */
  private static Function<WebDriver, Boolean> payWhenInvoiceReady() {
    return d -> {
      if (d.getCurrentUrl().contains("/sandbox/checkout/")) {
        return true;
      }
      d.findElement(By.id("pay")).click();
      return d.getCurrentUrl().contains("/sandbox/checkout/");
    };
  }

  private void awaitStatus(WebDriver browser, String status) {
    wait(browser).until(d -> {
      if (d.findElement(By.id("status")).getText().equals(status)) {
        return true;
      }
      d.navigate().refresh();
      return false;
    });
  }

  private static void scrollTo(WebDriver browser, String id) {
    ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private static String ledgerText(WebDriver browser) {
    return browser.findElement(By.id("money")).getText();
  }

  private static void step(WebDriver browser, String name) {
    Browser.screenshot(browser, name);
    Long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
    assertThat(width).as(name + " fits 360 px without scrolling sideways").isLessThanOrEqualTo(360);
  }

  private static WebDriverWait wait(WebDriver browser) {
    // A page being replaced after a click leaves stale elements behind for a moment.
    return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(300))
        .ignoring(StaleElementReferenceException.class);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
