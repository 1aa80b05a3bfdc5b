package id.rekber.web;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.support.ApiClient;
import id.rekber.support.Browser;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service deal of two milestones (decision 43) on a 360 px phone: the seller builds it with the
 * form's milestone rows and follows each milestone on the deal page; the buyer accepts and pays
 * over the API. Each milestone is released on its own, with its own ledger lines. The buyer disputes
 * one milestone from the deal page (decision 44), and pays a deal funded milestone by milestone one
 * invoice at a time (decision 46).
 */
@IntegrationTest
class MilestoneJourneyBrowserTest {
  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  WebDriver phone;

  @BeforeEach
  void openBrowser() {
    phone = openPhone();
  }

  /** Chromium as a 360 px phone (the device metrics, not only the window: a true 360 px viewport). */
  private static WebDriver openPhone() {
    WebDriver browser = Browser.open(360, 740);
    ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    return browser;
  }

  @AfterEach
  void closeBrowser() {
    phone.quit();
  }

  @Test
  void aTwoMilestoneServiceDealIsReleasedMilestoneByMilestone() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
    signIn(phone, SARI);
    phone.get(url("/deals/new"));
    phone.findElement(By.id("itemName")).sendKeys("Desain logo dan kartu nama");
    phone.findElement(By.id("price")).sendKeys("1.500.000");
    phone.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-0")));
    phone.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-1")));
    phone.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-2")));
    phone.findElement(By.id("remove-milestone-2")).click(); // one too many: removed again
    await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("milestone-2")));
    assertThat(phone.findElement(By.id("itemName")).getAttribute("value")).as("typed values survive adding rows").isEqualTo("Desain logo dan kartu nama");
    row(0, "Tiga konsep logo", "500.000", today.plusDays(7));
    row(1, "Logo final dan kartu nama siap cetak", "1.000.000", today.plusDays(14));
    phone.findElement(By.id("counterparty")).sendKeys(BUDI);
    step("milestone-01-seller-form");
    phone.findElement(By.id("create-deal")).click();

    await().until(ExpectedConditions.presenceOfElementLocated(By.id("share")));
    String dealId = phone.getCurrentUrl().substring(phone.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(phone.findElement(By.id("milestones")).getText()).contains("Tiga konsep logo").contains("Menunggu giliran");

    Deals deals = new Deals(port);
    deals.act(BUDI, dealId, "accept");
    deals.awaitStatus(BUDI, dealId, "MENUNGGU_PEMBAYARAN");
    deals.pay(BUDI, dealId);
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");

    // Milestone 1: delivered on the page, accepted by the buyer, released on its own.
    awaitMilestone(dealId, 1, "Dikerjakan");
    assertThat(phone.findElements(By.id("ship"))).as("a service deal ships nothing").isEmpty();
    assertThat(phone.findElement(By.id("deadlines")).getText()).doesNotContain("pengiriman").contains("Hasil tiap milestone diperiksa pembeli 3 hari");
    assertThat(phone.findElements(By.id("steps"))).as("the milestones are its steps, not the goods path").isEmpty();
    assertThat(phone.findElement(By.id("next-text")).getText()).startsWith("Ikuti milestone");
    scrollTo("milestones");
    step("milestone-02-first-in-progress");
    phone.findElement(By.id("deliver-1")).click();
    awaitMilestone(dealId, 1, "Diperiksa pembeli");
    scrollTo("milestones");
    step("milestone-03-first-delivered");
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/2/accept", null).status())
        .as("milestone 2 is not delivered yet").isEqualTo(409);
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/1/accept", null).status()).isEqualTo(202);
    awaitMilestone(dealId, 1, "Dana diteruskan");
    awaitMilestone(dealId, 2, "Dikerjakan");
    // Paid out before milestone 2 starts (decision 45).
    assertThat(entries(dealId)).containsExactly("PAYMENT", "MILESTONE_RELEASE", "PAYOUT");
    scrollTo("money");
    step("milestone-04-first-released");

    // Milestone 2, then the payout of everything released.
    phone.findElement(By.id("deliver-2")).click();
    awaitMilestone(dealId, 2, "Diperiksa pembeli");
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/2/accept", null).status()).isEqualTo(202);
    deals.awaitStatus(SARI, dealId, "SELESAI");
    phone.navigate().refresh();
    assertThat(phone.findElement(By.id("status")).getText()).isEqualTo("Selesai");
    assertThat(phone.findElement(By.id("held-now")).getText()).isEqualTo("Rp 0");
    step("milestone-05-both-released");

    assertThat(entries(dealId)).containsExactly("PAYMENT", "MILESTONE_RELEASE", "PAYOUT", "MILESTONE_RELEASE", "PAYOUT");
    // Each milestone's own lines: 1.500.000 plus a 37.500 fee paid by the buyer, shared 1:2.
    assertThat(lines(dealId, "release:" + dealId + "#1")).containsExactly("ESCROW_HELD 512500", "FEE_REVENUE -12500", "SELLER_PAYABLE -500000");
    assertThat(lines(dealId, "release:" + dealId + "#2")).containsExactly("ESCROW_HELD 1025000", "FEE_REVENUE -25000", "SELLER_PAYABLE -1000000");
    JsonNode milestones = ApiClient.as(port, BUDI).get("/api/deals/" + dealId + "/milestones").json();
    assertThat(milestones.get(0).get("state").asText()).isEqualTo("RELEASED");
    assertThat(milestones.get(1).get("held").asLong()).isEqualTo(1_025_000);
    // Not a party: the milestones are as unknown as the deal.
    assertThat(ApiClient.as(port, "rina@rekber.test").get("/api/deals/" + dealId + "/milestones").status()).isEqualTo(404);
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/1/deliver", null).status()).as("only the seller delivers").isEqualTo(403);
    assertThat(Browser.consoleErrors(phone)).isEmpty();
  }

  @Test
  void theBuyerDisputesOneMilestoneOnAPhone() {
    LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusDays(10);
    String dealId = new Deals(port).fundedServiceDeal(SARI, BUDI, "Jasa foto produk", "Foto 20 produk", "Edit dan unggah", due);

    signIn(phone, BUDI);
    awaitMilestone(dealId, 1, "Dikerjakan");
    assertThat(phone.findElements(By.id("dispute-milestone-1"))).as("nothing delivered yet, nothing to dispute").isEmpty();
    assertThat(ApiClient.as(port, SARI).post("/api/deals/" + dealId + "/milestones/1/deliver", null).status()).isEqualTo(202);
    awaitMilestone(dealId, 1, "Diperiksa pembeli");
    phone.findElement(By.id("dispute-milestone-1")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("open-milestone-dispute")));
    assertThat(phone.findElement(By.id("open-milestone-dispute")).getText()).isEqualTo("Sengketakan milestone 1");
    // Too short a reason: the same page again, the message in Indonesian, nothing opened.
    ((JavascriptExecutor) phone).executeScript("document.getElementById('reason').removeAttribute('minlength')");
    phone.findElement(By.id("reason")).sendKeys("Jelek");
    phone.findElement(By.cssSelector("#open-dispute button[type=submit]")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#open-dispute .error")));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispute WHERE deal_id = ?", Integer.class, dealId)).isZero();
    phone.findElement(By.id("reason")).clear();
    phone.findElement(By.id("reason")).sendKeys("Fotonya buram dan latarnya tidak putih seperti yang disepakati.");
    step("milestone-06-buyer-disputes-one");
    phone.findElement(By.cssSelector("#open-dispute button[type=submit]")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("dispute-milestone")));
    assertThat(phone.findElement(By.id("dispute-milestone")).getText()).isEqualTo("Sengketa ini tentang milestone 1.");
    step("milestone-07-dispute-page");
    awaitMilestone(dealId, 1, "Disengketakan");
    assertThat(phone.findElement(By.id("milestone-state-2")).getText()).isEqualTo("Menunggu giliran");
    assertThat(phone.findElements(By.id("accept-milestone-1"))).isEmpty();
    scrollTo("milestones");
    step("milestone-08-one-disputed");
    assertThat(Browser.consoleErrors(phone)).isEmpty();
  }

  @Test
  void aBuyerPaysMilestoneByMilestoneOnAPhone() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
    signIn(phone, SARI);
    phone.get(url("/deals/new"));
    phone.findElement(By.id("itemName")).sendKeys("Website toko online");
    phone.findElement(By.id("price")).sendKeys("1.500.000");
    phone.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-0")));
    assertThat(phone.findElements(By.id("milestone-funding"))).as("one milestone: nothing to fund in parts").isEmpty();
    phone.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-1")));
    row(0, "Desain halaman dan katalog", "500.000", today.plusDays(7));
    row(1, "Toko online siap jualan", "1.000.000", today.plusDays(21));
    phone.findElement(By.cssSelector("#milestone-funding input[value=PER_MILESTONE]")).click();
    phone.findElement(By.id("counterparty")).sendKeys(BUDI);
    scrollTo("milestone-funding");
    step("milestone-09-funded-per-milestone-form");
    phone.findElement(By.id("create-deal")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("share")));
    String dealId = phone.getCurrentUrl().substring(phone.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(phone.findElement(By.id("milestone-funding")).getText()).startsWith("Dibayar per milestone");
    phone.quit();

    Deals deals = new Deals(port);
    deals.act(BUDI, dealId, "accept");
    phone = openPhone(); // the buyer, in a browser of their own
    signIn(phone, BUDI);
    phone.get(url("/deals/" + dealId));
    // 500.000 + its share of the 37.500 fee: the deal's invoice funds milestone 1 only.
    await().until(d -> {
      d.navigate().refresh();
      return !d.findElements(By.id("pay")).isEmpty();
    });
    assertThat(phone.findElement(By.id("pay")).getText()).isEqualTo("Bayar Rp 512.500");
    assertThat(phone.findElement(By.id("pay-first-milestone")).getText()).contains("milestone 1").contains("Rp 1.537.500");
    scrollTo("next-step");
    step("milestone-10-buyer-pays-first");
    payOnCheckout(By.id("pay"), "PAY-" + dealId, "Rp 512.500");
    awaitMilestone(dealId, 1, "Dikerjakan");
    assertThat(phone.findElement(By.id("milestone-state-2")).getText()).isEqualTo("Menunggu giliran");

    assertThat(ApiClient.as(port, SARI).post("/api/deals/" + dealId + "/milestones/1/deliver", null).status()).isEqualTo(202);
    awaitMilestone(dealId, 1, "Diperiksa pembeli");
    phone.findElement(By.id("accept-milestone-1")).click();
    awaitMilestone(dealId, 2, "Menunggu pembayaran pembeli");
    assertThat(phone.findElement(By.id("pay-milestone-2")).getText()).isEqualTo("Bayar milestone 2 (Rp 1.025.000)");
    scrollTo("milestones");
    step("milestone-11-second-milestone-invoiced");
    payOnCheckout(By.id("pay-milestone-2"), "PAY-" + dealId + "-M2", "Rp 1.025.000");
    awaitMilestone(dealId, 2, "Dikerjakan");
    assertThat(entries(dealId)).containsExactly("PAYMENT", "MILESTONE_RELEASE", "PAYOUT", "MILESTONE_PAYMENT");
    scrollTo("money");
    step("milestone-12-second-milestone-paid");
    assertThat(Browser.consoleErrors(phone)).isEmpty();
  }

  /** Pays on the sandbox provider's checkout, then goes back to the deal (the invoice is created a moment after it is due). */
  private void payOnCheckout(By button, String orderId, String amount) {
    await().until(d -> {
      if (!d.getCurrentUrl().contains("/sandbox/checkout/")) {
        d.findElement(button).click();
      }
      return d.getCurrentUrl().contains("/sandbox/checkout/");
    });
    assertThat(phone.getCurrentUrl()).endsWith("/sandbox/checkout/" + orderId);
    assertThat(phone.getPageSource()).contains(amount);
    phone.findElement(By.cssSelector("button[type=submit]")).click();
    await().until(ExpectedConditions.elementToBeClickable(By.id("back-to-deal"))).click();
  }

  private List<String> entries(String dealId) {
    return jdbc.queryForList("SELECT kind FROM journal_entry WHERE deal_id = ? ORDER BY id", String.class, dealId);
  }

  private List<String> lines(String dealId, String key) {
    return new ArrayList<>(jdbc.queryForList(
        "SELECT l.account || ' ' || l.amount FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
            + " WHERE e.deal_id = ? AND e.idempotency_key = ? ORDER BY l.account", String.class, dealId, key));
  }

  private void row(int index, String description, String amount, LocalDate due) {
    phone.findElement(By.id("milestones" + index + ".description")).sendKeys(description);
    phone.findElement(By.id("milestones" + index + ".amount")).sendKeys(amount);
    ((JavascriptExecutor) phone).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
        "milestones" + index + ".dueDate", due.toString());
  }

  private void awaitMilestone(String dealId, int seq, String state) {
    if (!phone.getCurrentUrl().endsWith("/deals/" + dealId)) {
      phone.get(url("/deals/" + dealId));
    }
    await().until(d -> {
      List<org.openqa.selenium.WebElement> badge = d.findElements(By.id("milestone-state-" + seq));
      if (!badge.isEmpty() && badge.get(0).getText().equals(state)) {
        return true;
      }
      d.navigate().refresh();
      return false;
    });
  }

  private void signIn(WebDriver browser, String email) {
    browser.get(url("/"));
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("rekber-demo");
    browser.findElement(By.id("kc-login")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
  }

  private void scrollTo(String id) {
    ((JavascriptExecutor) phone).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private void step(String name) {
    Browser.screenshot(phone, name);
    Long width = (Long) ((JavascriptExecutor) phone).executeScript("return document.documentElement.scrollWidth");
    assertThat(width).as(name + " fits 360 px without scrolling sideways").isLessThanOrEqualTo(360);
  }

  private WebDriverWait await() {
    return (WebDriverWait) new WebDriverWait(phone, Duration.ofSeconds(30), Duration.ofMillis(300)).ignoring(StaleElementReferenceException.class);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
