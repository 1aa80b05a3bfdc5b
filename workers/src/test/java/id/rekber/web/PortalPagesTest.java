package id.rekber.web;

import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.JOKO;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import id.rekber.support.WebSession;
import id.rekber.support.WebSession.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal's pages over real HTTP with a real Keycloak login: form errors, 404/403 pages, access, language. */
@IntegrationTest
class PortalPagesTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private static Map<String, String> dealForm(String itemName, String price, String counterparty) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("myRole", "SELLER");
    form.put("itemName", itemName);
    form.put("itemDescription", "Warna hitam");
    form.put("price", price);
    form.put("shippingCost", "15.000");
    form.put("shipWithinDays", "2");
    form.put("inspectionDays", "5");
    form.put("feePayer", "SPLIT");
    form.put("counterparty", counterparty);
    return form;
  }

  @Test
  void createFormShowsEachErrorNextToItsFieldInIndonesianAndKeepsWhatWasTyped() {
    WebSession sari = WebSession.signIn(port, SARI);
    long before = deals();

    Page page = sari.post("/deals", dealForm("", "seratus ribu", "bukan-email"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text("form-problem")).isEqualTo("Beberapa isian belum benar. Periksa kolom yang ditandai.");
    assertThat(page.text("itemName-error")).isEqualTo("Nama barang wajib diisi.");
    assertThat(page.text("price-error")).isEqualTo("Tulis harga dalam rupiah, misalnya 1.250.000.");
    assertThat(page.text("counterparty-error")).isEqualTo("Tulis email (nama@contoh.id) atau nomor HP (0812…).");
    assertThat(page.text("shippingCost-error")).isNull();
    assertThat(page.value("price")).isEqualTo("seratus ribu");
    assertThat(page.value("shippingCost")).isEqualTo("15.000");
    assertThat(page.value("counterparty")).isEqualTo("bukan-email");
    assertThat(page.text("itemDescription")).isEqualTo("Warna hitam");
    assertThat(page.body()).containsPattern("value=\"SPLIT\"[^>]*checked=\"checked\"").contains("<option value=\"5\" selected=\"selected\">");
    assertThat(deals()).as("nothing is created on bad input").isEqualTo(before);
  }

  @Test
  void anEnglishSpeakingMemberGetsTheSameErrorsInEnglish() {
    WebSession rina = WebSession.signIn(port, RINA);

    Page page = rina.post("/deals", dealForm("Kamera", "1.250.000", "0899 1111 2222"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("lang=\"en\"");
    assertThat(page.text("counterparty-error")).isEqualTo("No Rekber member has verified this phone number yet. Use the other party's e-mail.");
    assertThat(page.text("itemName-error")).isNull();
    assertThat(page.value("itemName")).isEqualTo("Kamera");
    assertThat(page.value("price")).isEqualTo("1.250.000");
  }

  @Test
  void aCounterpartyCanBeNamedByPhoneNumberAndRupiahAsTyped() {
    WebSession sari = WebSession.signIn(port, SARI);

    Page deal = sari.post("/deals", dealForm("Tas kulit", "Rp 1.250.000", "0812-0000-0001"));

    assertThat(deal.status()).isEqualTo(200);
    assertThat(deal.uri().getPath()).startsWith("/deals/RB-");
    String id = deal.uri().getPath().substring("/deals/".length());
    assertThat(jdbc.queryForMap("SELECT counterparty_email, price, shipping_cost, fee_payer, ship_within_days, inspection_days FROM deal WHERE id = ?", id))
        .containsEntry("counterparty_email", BUDI).containsEntry("price", 1_250_000L).containsEntry("shipping_cost", 15_000L)
        .containsEntry("fee_payer", "SPLIT").containsEntry("ship_within_days", 2).containsEntry("inspection_days", 5);
    assertThat(deal.text("status")).isEqualTo("Menunggu persetujuan");
    assertThat(deal.body()).contains("https://wa.me/?text=").contains("%2Fdeals%2F" + id);
  }

  @Test
  void unknownDealsAndPagesGetAFriendly404Page() {
    WebSession budi = WebSession.signIn(port, BUDI);

    Page missingDeal = budi.get("/deals/RB-NOSUCH00");
    assertThat(missingDeal.status()).isEqualTo(404);
    assertThat(missingDeal.text("error-title")).isEqualTo("Halaman tidak ditemukan");
    assertThat(missingDeal.text("error-text")).isEqualTo("Transaksi RB-NOSUCH00 tidak ditemukan.");
    assertThat(missingDeal.body()).contains("id=\"logout\"");

    Page missingPage = budi.get("/tidak-ada");
    assertThat(missingPage.status()).isEqualTo(404);
    assertThat(missingPage.text("error-title")).isEqualTo("Halaman tidak ditemukan");
  }

  @Test
  void aMemberCannotOpenOrActOnAnotherMembersDeal() {
    String id = new Deals(port).create(SARI, BUDI, 300_000);
    WebSession joko = WebSession.signIn(port, JOKO);

    // The same page as for a deal that does not exist: nothing tells Joko the deal is there.
    Page page = joko.get("/deals/" + id);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.text("error-title")).isEqualTo("Halaman tidak ditemukan");
    assertThat(page.text("error-text")).isEqualTo("Transaksi " + id + " tidak ditemukan.");
    assertThat(page.body()).doesNotContain("Sepatu lari");

    assertThat(joko.post("/deals/" + id + "/accept", Map.of()).status()).isEqualTo(404);
    assertThat(joko.get("/deals/" + id + "/diagram.bpmn").status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT buyer_id IS NULL FROM deal WHERE id = ?", Boolean.class, id)).isTrue();

    Page staff = joko.get("/staff/inbox");
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.text("error-title")).isEqualTo("Tidak diizinkan");
  }

  @Test
  void thePartiesGetTheDealDiagram() {
    String id = new Deals(port).create(SARI, BUDI, 300_000);
    Page xml = WebSession.signIn(port, BUDI).get("/deals/" + id + "/diagram.bpmn");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.body()).contains("id=\"escrow-lifecycle\"").contains("<bpmndi:BPMNDiagram");
  }

  @Test
  void theLanguageSwitchIsRememberedInTheProfile() {
    WebSession rina = WebSession.signIn(port, RINA);
    try {
      assertThat(rina.get("/").text("greeting")).startsWith("Hello, ");
      Page switched = rina.post("/language", Map.of("lang", "id", "back", "/profile"));
      assertThat(switched.uri().getPath()).isEqualTo("/profile");
      assertThat(switched.body()).contains("lang=\"id\"");
      assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE email = ?", String.class, RINA)).isEqualTo("id");
      assertThat(WebSession.signIn(port, RINA).get("/").text("greeting")).as("a new login").startsWith("Halo, ");
    } finally {
      rina.post("/language", Map.of("lang", "en"));
    }
    assertThat(jdbc.queryForObject("SELECT locale FROM app_user WHERE email = ?", String.class, RINA)).isEqualTo("en");
  }

  @Test
  void profileFormsKeepTypedValuesOnErrorsAndSaveValidOnes() {
    WebSession joko = WebSession.signIn(port, JOKO);
    Page bad = joko.post("/profile/payout-account", Map.of("bankCode", "B1", "accountNumber", "12ab", "accountName", "JOKO"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.text("bankCode-error")).isEqualTo("Kode bank harus 2-20 huruf, misalnya BCA.");
    assertThat(bad.text("accountNumber-error")).isEqualTo("Nomor rekening harus 6-20 angka.");
    assertThat(bad.value("accountNumber")).isEqualTo("12ab");

    Page taken = joko.post("/profile/phone", Map.of("phone", "0812 0000 0001"));
    assertThat(taken.text("phone-error")).isEqualTo("Nomor HP ini sudah dipakai anggota lain.");
    assertThat(taken.value("phone")).isEqualTo("0812 0000 0001");
    assertThat(jdbc.queryForObject("SELECT phone FROM app_user WHERE email = ?", String.class, JOKO)).isEqualTo("+6281200000004");
  }

  @Test
  void emptyStatesAreExplained() {
    jdbc.update("DELETE FROM notification_outbox WHERE recipient = 'compliance@rekber.test'");
    WebSession officer = WebSession.signIn(port, "compliance@rekber.test");
    assertThat(officer.get("/notifications").text("no-notifications")).startsWith("Belum ada notifikasi.");
    assertThat(officer.get("/").text("no-deals")).isEqualTo("Belum ada transaksi.");
  }

  private long deals() {
    return jdbc.queryForObject("SELECT count(*) FROM deal", Long.class);
  }
}
