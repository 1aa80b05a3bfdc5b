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
 * over the API. Each milestone is released on its own, with its own ledger lines.
 */
@IntegrationTest
class MilestoneJourneyBrowserTest {
  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  WebDriver seller;

  @BeforeEach
  void openBrowser() {
    seller = Browser.open(360, 740);
    ((ChromeDriver) seller).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterEach
  void closeBrowser() {
    seller.quit();
  }

  @Test
  void aTwoMilestoneServiceDealIsReleasedMilestoneByMilestone() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
    signIn(seller, SARI);
    seller.get(url("/deals/new"));
    seller.findElement(By.id("itemName")).sendKeys("Desain logo dan kartu nama");
    seller.findElement(By.id("price")).sendKeys("1.500.000");
    seller.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-0")));
    seller.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-1")));
    seller.findElement(By.id("add-milestone")).click();
    await().until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-2")));
    seller.findElement(By.id("remove-milestone-2")).click(); // one too many: removed again
    await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("milestone-2")));
    assertThat(seller.findElement(By.id("itemName")).getAttribute("value")).as("typed values survive adding rows").isEqualTo("Desain logo dan kartu nama");
    row(0, "Tiga konsep logo", "500.000", today.plusDays(7));
    row(1, "Logo final dan kartu nama siap cetak", "1.000.000", today.plusDays(14));
    seller.findElement(By.id("counterparty")).sendKeys(BUDI);
    step("milestone-01-seller-form");
    seller.findElement(By.id("create-deal")).click();

    await().until(ExpectedConditions.presenceOfElementLocated(By.id("share")));
    String dealId = seller.getCurrentUrl().substring(seller.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(seller.findElement(By.id("milestones")).getText()).contains("Tiga konsep logo").contains("Menunggu giliran");

    Deals deals = new Deals(port);
    deals.act(BUDI, dealId, "accept");
    deals.awaitStatus(BUDI, dealId, "MENUNGGU_PEMBAYARAN");
    deals.pay(BUDI, dealId);
    deals.awaitStatus(BUDI, dealId, "DANA_DITAHAN");

    // Milestone 1: delivered on the page, accepted by the buyer, released on its own.
    awaitMilestone(dealId, 1, "Dikerjakan");
    assertThat(seller.findElements(By.id("ship"))).as("a service deal ships nothing").isEmpty();
    assertThat(seller.findElement(By.id("next-text")).getText()).startsWith("Ikuti milestone");
    scrollTo("milestones");
    step("milestone-02-first-in-progress");
    seller.findElement(By.id("deliver-1")).click();
    awaitMilestone(dealId, 1, "Diperiksa pembeli");
    scrollTo("milestones");
    step("milestone-03-first-delivered");
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/2/accept", null).status())
        .as("milestone 2 is not delivered yet").isEqualTo(409);
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/1/accept", null).status()).isEqualTo(202);
    awaitMilestone(dealId, 1, "Dana diteruskan");
    awaitMilestone(dealId, 2, "Dikerjakan");
    assertThat(entries(dealId)).containsExactly("PAYMENT", "MILESTONE_RELEASE");
    scrollTo("money");
    step("milestone-04-first-released");

    // Milestone 2, then the payout of everything released.
    seller.findElement(By.id("deliver-2")).click();
    awaitMilestone(dealId, 2, "Diperiksa pembeli");
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/2/accept", null).status()).isEqualTo(202);
    deals.awaitStatus(SARI, dealId, "SELESAI");
    seller.navigate().refresh();
    assertThat(seller.findElement(By.id("status")).getText()).isEqualTo("Selesai");
    assertThat(seller.findElement(By.id("held-now")).getText()).isEqualTo("Rp 0");
    step("milestone-05-both-released");

    assertThat(entries(dealId)).containsExactly("PAYMENT", "MILESTONE_RELEASE", "MILESTONE_RELEASE", "PAYOUT");
    // Each milestone's own lines: 1.500.000 plus a 37.500 fee paid by the buyer, shared 1:2.
    assertThat(lines(dealId, "release:" + dealId + "#1")).containsExactly("ESCROW_HELD 512500", "FEE_REVENUE -12500", "SELLER_PAYABLE -500000");
    assertThat(lines(dealId, "release:" + dealId + "#2")).containsExactly("ESCROW_HELD 1025000", "FEE_REVENUE -25000", "SELLER_PAYABLE -1000000");
    JsonNode milestones = ApiClient.as(port, BUDI).get("/api/deals/" + dealId + "/milestones").json();
    assertThat(milestones.get(0).get("state").asText()).isEqualTo("RELEASED");
    assertThat(milestones.get(1).get("held").asLong()).isEqualTo(1_025_000);
    // Not a party: the milestones are as unknown as the deal.
    assertThat(ApiClient.as(port, "rina@rekber.test").get("/api/deals/" + dealId + "/milestones").status()).isEqualTo(404);
    assertThat(ApiClient.as(port, BUDI).post("/api/deals/" + dealId + "/milestones/1/deliver", null).status()).as("only the seller delivers").isEqualTo(403);
    assertThat(Browser.consoleErrors(seller)).isEmpty();
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
    seller.findElement(By.id("milestones" + index + ".description")).sendKeys(description);
    seller.findElement(By.id("milestones" + index + ".amount")).sendKeys(amount);
    ((JavascriptExecutor) seller).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
        "milestones" + index + ".dueDate", due.toString());
  }

  private void awaitMilestone(String dealId, int seq, String state) {
    if (!seller.getCurrentUrl().endsWith("/deals/" + dealId)) {
      seller.get(url("/deals/" + dealId));
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
    ((JavascriptExecutor) seller).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private void step(String name) {
    Browser.screenshot(seller, name);
    Long width = (Long) ((JavascriptExecutor) seller).executeScript("return document.documentElement.scrollWidth");
    assertThat(width).as(name + " fits 360 px without scrolling sideways").isLessThanOrEqualTo(360);
  }

  private WebDriverWait await() {
    return (WebDriverWait) new WebDriverWait(seller, Duration.ofSeconds(30), Duration.ofMillis(300)).ignoring(StaleElementReferenceException.class);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
