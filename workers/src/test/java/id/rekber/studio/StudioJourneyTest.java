package id.rekber.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.platform.ModelDeployer;
import id.rekber.support.ApiClient;
import id.rekber.support.Browser;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.StaffOtp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analyst's journey in the browser: change the fee rate in the DMN editor, see a broken
 * expression marked beside its rule, fix it and submit; a different admin reviews the table diff
 * and approves; a new deal is quoted at the new rate while a deal created before keeps its fee; the
 * start-up deployment (what a restart runs) keeps the approved version; a rollback goes through the
 * same approval.
 * Screenshots: target/screenshots/studio-*.png (copied to docs/screenshots/).
 */
@IntegrationTest
class StudioJourneyTest {
  static final String RATE_CELL = "td[data-row-id='Rule_PercentageFee'][data-col-id='Output_Fee']";

  @LocalServerPort int port;
  @Autowired ModelDeployer deployer;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAnalystChangesTheFeeRateAndAnotherAdminApprovesIt() {
    Deals deals = new Deals(port);
    String before = deals.create("sari@rekber.test", "budi@rekber.test", 1_000_000);
    long original = StudioApi.newestKey(port, "escrow-fee.dmn");
    WebDriver analyst = Browser.open(1280, 900);
    WebDriver admin = null;
    long draft = 0;
    try {
      WebDriverWait wait = new WebDriverWait(analyst, Duration.ofSeconds(30));
      signIn(analyst, wait, "/studio", "analyst@rekber.test");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-escrow-fee.dmn")));
      Browser.screenshot(analyst, "studio-01-models");

      analyst.findElement(By.cssSelector("button.new-draft[data-resource='escrow-fee.dmn']")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor[data-ready='true']")));
      draft = Long.parseLong(analyst.getCurrentUrl().replaceAll(".*/studio/drafts/(\\d+).*", "$1"));
      Browser.screenshot(analyst, "studio-02-dmn-editor");

      // A broken expression is marked beside its rule after the checks.
      typeInCell(analyst, wait, "floor(amount * )");
      analyst.findElement(By.id("studio-check")).click();
      WebElement mark = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".studio-row-finding")));
      assertThat(mark.getAttribute("data-element-id")).isEqualTo("Rule_PercentageFee");
      assertThat(mark.getText()).contains("FEEL");
      Browser.screenshot(analyst, "studio-03-error-beside-rule");

      typeInCell(analyst, wait, "floor(amount * 0.03)");
      analyst.findElement(By.id("studio-check")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("studio-status"), "class", "ok"));
      assertThat(analyst.findElements(By.cssSelector(".studio-row-finding"))).isEmpty();
      analyst.findElement(By.id("studio-reason")).sendKeys("Tarif baru 3 %");
      analyst.findElement(By.id("studio-submit")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("studio-editor"), "data-submitted", "true"));
      Browser.screenshot(analyst, "studio-04-submitted");

      StudioApi.awaitReviewTask(port, "admin2@rekber.test", draft);
      admin = Browser.open(1280, 900);
      WebDriverWait adminWait = new WebDriverWait(admin, Duration.ofSeconds(30));
      signIn(admin, adminWait, "/studio/drafts/" + draft, "admin2@rekber.test");
      adminWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studio-editor[data-ready='true']")));
      assertThat(admin.findElement(By.cssSelector("#studio-table-diff td.studio-old")).getText()).isEqualTo("floor(amount * 0.025)");
      assertThat(admin.findElement(By.cssSelector("#studio-table-diff td.studio-new")).getText()).isEqualTo("floor(amount * 0.03)");
      Browser.screenshot(admin, "studio-05-review-diff");
      admin.findElement(By.id("studio-review-reason")).sendKeys("Sesuai keputusan direksi");
      admin.findElement(By.id("studio-approve")).click();
      adminWait.until(ExpectedConditions.attributeToBe(By.id("studio-status"), "class", "ok"));
      long approved = draft;
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
          ApiClient.as(port, "analyst@rekber.test").get("/api/studio/drafts/" + approved).json().get("status").asText()).isEqualTo("APPROVED"));
      admin.get("http://localhost:" + port + "/studio");
      adminWait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-escrow-fee.dmn")));
      Browser.screenshot(admin, "studio-06-deployed-version");

      String after = deals.create("sari@rekber.test", "budi@rekber.test", 1_000_000);
      assertThat(deals.get("budi@rekber.test", after).get("fee").asLong()).as("quoted after the approval").isEqualTo(30_600);
      assertThat(deals.get("budi@rekber.test", before).get("fee").asLong()).as("quoted before").isEqualTo(25_500);
      long deployed = StudioApi.newestKey(port, "escrow-fee.dmn");
      assertThat(jdbc.queryForMap("SELECT version_tag, deployed_by FROM studio_version WHERE definition_key = ?", deployed))
          .containsEntry("version_tag", "studio-" + draft).containsEntry("deployed_by", "admin2@rekber.test");
      assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE object_type = 'studio-draft' AND object_id = ?", String.class,
          Long.toString(draft))).contains("studio.draft.created", "studio.draft.submitted", "studio.draft.approved", "studio.deployed");

      // What a restart does: the start-up deployment of the shipped files keeps the approved version.
      deployer.deploy();
      assertThat(StudioApi.newestKey(port, "escrow-fee.dmn")).isEqualTo(deployed);
      assertThat(deals.get("budi@rekber.test", deals.create("sari@rekber.test", "budi@rekber.test", 1_000_000)).get("fee").asLong())
          .as("quoted after a restart").isEqualTo(30_600);
      assertThat(Browser.consoleErrors(analyst)).as("analyst's console").isEmpty();
    } finally {
      analyst.quit();
      if (admin != null) {
        admin.quit();
      }
      StudioApi.rollBack(port, original);
    }
    // Rolled back through the same approval: a new version with the shipped rate.
    assertThat(StudioApi.newestKey(port, "escrow-fee.dmn")).isNotEqualTo(original);
    assertThat(deals.get("budi@rekber.test", deals.create("sari@rekber.test", "budi@rekber.test", 1_000_000)).get("fee").asLong())
        .as("quoted after the rollback").isEqualTo(25_500);
  }

  private void signIn(WebDriver browser, WebDriverWait wait, String path, String user) {
    browser.get("http://localhost:" + port + path);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    StaffOtp.enterInBrowser(browser, user);
  }

  /** Edits the percentage rule's fee cell in the decision table (the FEEL editor), then leaves it. */
  private static void typeInCell(WebDriver browser, WebDriverWait wait, String text) {
    browser.findElement(By.cssSelector(RATE_CELL)).click();
    WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(RATE_CELL + " .cm-content")));
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    editor.sendKeys(Keys.DELETE);
    editor.sendKeys(text);
    browser.findElement(By.tagName("h1")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(RATE_CELL), text));
  }

  /** The few API steps the journey shares with StudioTest. */
  static final class StudioApi {
    private StudioApi() {}

    static long newestKey(int port, String resource) {
      JsonNode newest = null;
      for (JsonNode v : ApiClient.as(port, "analyst@rekber.test").get("/api/studio/versions?resourceName=" + resource).json()) {
        if (newest == null || v.get("version").asInt() > newest.get("version").asInt()) {
          newest = v;
        }
      }
      return newest.get("definitionKey").asLong();
    }

    static void awaitReviewTask(int port, String admin, long draft) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ApiClient.as(port, admin).get("/api/inbox/tasks").json())
          .anySatisfy(t -> {
            assertThat(t.get("processId").asText()).isEqualTo("studio-approval");
            assertThat(t.get("variablesJson").asText()).contains("\"draftId\":" + draft);
          }));
    }

    /** Redeploys an earlier version through the same approval, so later tests see the shipped fee. */
    static void rollBack(int port, long key) {
      ApiClient.Response rollback = ApiClient.as(port, "analyst@rekber.test").post("/api/studio/versions/" + key + "/rollback",
          Map.of("reason", "test over"));
      assertThat(rollback.status()).as(rollback.toString()).isEqualTo(201);
      long id = rollback.json().get("id").asLong();
      ApiClient.Response submitted = ApiClient.as(port, "analyst@rekber.test").post("/api/studio/drafts/" + id + "/submit",
          Map.of("reason", "back to the shipped fee"));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ApiClient.as(port, "admin@rekber.test")
          .post("/api/studio/drafts/" + id + "/review", Map.of("approve", true, "reason", "rollback")).status()).isEqualTo(202));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
          ApiClient.as(port, "analyst@rekber.test").get("/api/studio/drafts/" + id).json().get("status").asText()).isEqualTo("APPROVED"));
    }
  }
}
