package id.rekber.notification;

import static id.rekber.support.DemoUsers.ADMIN;
import static id.rekber.support.DemoUsers.BUDI;
import static id.rekber.support.DemoUsers.RINA;
import static id.rekber.support.DemoUsers.SARI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import id.rekber.support.ApiClient;
import id.rekber.support.Deals;
import id.rekber.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every step of a deal reaches the right party by e-mail, in their language, through the outbox. */
@IntegrationTest
class DealMailTest {
  @LocalServerPort int port;
  @Autowired GreenMail smtp;
  @Autowired JdbcTemplate jdbc;

  @Test
  void bothPartiesAreToldEveryStepOfAWholeDealToPayout() {
    Deals deals = new Deals(port);
    String id = deals.fundedDeal(SARI, BUDI, 500_000);
    deals.ship(SARI, id);
    deals.awaitStatus(BUDI, id, "DIKIRIM");
    deals.act(BUDI, id, "confirm-receipt");
    await().atMost(Duration.ofSeconds(20)).until(() -> deals.get(BUDI, id).get("deadlines").hasNonNull("inspectionEndsAt"));
    deals.act(BUDI, id, "accept-goods");
    deals.awaitStatus(SARI, id, "SELESAI");

    List<String> toBudi = awaitSubjects(BUDI, id, 6);
    assertThat(toBudi).containsExactly(
        "[Rekber " + id + "] Undangan transaksi: Sepatu lari bekas ukuran 42",
        "[Rekber " + id + "] Silakan bayar Rp 533.000",
        "[Rekber " + id + "] Pembayaran diterima, dana ditahan",
        "[Rekber " + id + "] Barang dikirim via JNE",
        "[Rekber " + id + "] Periksa barang sebelum " + Formats.wib(java.time.Instant.parse(deals.get(BUDI, id).get("deadlines").get("inspectionEndsAt").asText()), java.util.Locale.forLanguageTag("id")),
        "[Rekber " + id + "] Transaksi selesai");
    List<String> toSari = awaitSubjects(SARI, id, 6);
    // Named by e-mail, or by name if Budi accepted before the mail was written.
    assertThat(toSari.get(0)).isIn("[Rekber " + id + "] Menunggu persetujuan " + BUDI, "[Rekber " + id + "] Menunggu persetujuan Budi Santoso (demo)");
    assertThat(toSari.get(toSari.size() - 1)).isEqualTo("[Rekber " + id + "] Dana Rp 520.000 sudah dicairkan");

    JsonNode sellerMails = ApiClient.as(port, SARI).get("/api/dev/mails").json();
    assertThat(sellerMails).allMatch(m -> m.get("to").asText().equals(SARI));
    String heldMail = bodyOf(sellerMails, id, "Dana ditahan");
    assertThat(heldMail).contains("Kirim \"Sepatu lari bekas ukuran 42\" sebelum").contains("WIB").contains("/deals/" + id);
  }

  @Test
  void aMemberWhoChoseEnglishGetsEnglishMail() {
    Deals deals = new Deals(port);
    String id = deals.create(SARI, RINA, 75_000);
    List<String> toRina = awaitSubjects(RINA, id, 1);
    assertThat(toRina.get(0)).isEqualTo("[Rekber " + id + "] Deal invitation: Sepatu lari bekas ukuran 42");
  }

  @Test
  void anSmtpOutageDelaysMailButLosesNone() throws Exception {
    smtp.stop();
    String id;
    try {
      id = new Deals(port).create(SARI, BUDI, 33_000);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> jdbc.queryForObject(
                  "SELECT count(*) FROM notification_outbox WHERE deal_id = ? AND status = 'PENDING' AND attempts > 0", Integer.class, id) > 0);
    } finally {
      smtp.start();
    }
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification_outbox WHERE deal_id = ? AND status <> 'SENT'", Integer.class, id) == 0);
    assertThat(awaitSubjects(BUDI, id, 1)).hasSize(1);
  }

  private List<String> awaitSubjects(String user, String dealId, int atLeast) {
    List<String> subjects = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              subjects.clear();
              for (JsonNode mail : ApiClient.as(port, ADMIN).get("/api/dev/mails").json()) {
                if (mail.get("to").asText().equals(user) && mail.get("subject").asText().contains(dealId)) {
                  subjects.add(mail.get("subject").asText());
                }
              }
              return subjects.size() >= atLeast;
            });
    return subjects;
  }

  private static String bodyOf(JsonNode mails, String dealId, String subjectPart) {
    for (JsonNode mail : mails) {
      if (mail.get("subject").asText().contains(dealId) && mail.get("subject").asText().contains(subjectPart)) {
        return mail.get("body").asText();
      }
    }
    throw new AssertionError("no mail " + subjectPart + " for " + dealId);
  }
}
