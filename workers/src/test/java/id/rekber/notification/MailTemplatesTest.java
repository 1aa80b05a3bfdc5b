package id.rekber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.rekber.platform.Rupiah;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Mail texts as Thymeleaf text templates, rendered without Spring. */
class MailTemplatesTest {
  private static final Locale ID = Locale.forLanguageTag("id");
  private static final Path ROOT = Path.of("src/main/resources", MailTemplates.LOCATION);
  private final MailTemplates templates = new MailTemplates();

  @Test
  void aDealMailInBothLanguagesWithTimesInWibAndAmountsInRupiah() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", "RB-7QK2M9XD");
    variables.put("item", "Sepatu lari bekas ukuran 42");
    variables.put("amount", Rupiah.of(533_000));
    variables.put("deadline", Instant.parse("2026-08-17T07:30:00Z"));
    variables.put("link", "http://localhost:8080/deals/RB-7QK2M9XD");

    MailTemplates.Mail id = templates.render("deal/MENUNGGU_PEMBAYARAN.BUYER", ID, variables);
    assertThat(id.subject()).isEqualTo("[Rekber RB-7QK2M9XD] Silakan bayar Rp 533.000");
    assertThat(id.body()).isEqualTo("""
        Halo,

        Transaksi "Sepatu lari bekas ukuran 42" sudah disetujui. Bayar Rp 533.000 sebelum 17 Agustus 2026, 14:30 WIB.
        Dana Anda ditahan Rekber dan baru diteruskan ke penjual setelah Anda menerima barang.

        Cara bayar: http://localhost:8080/deals/RB-7QK2M9XD

        Salam,
        Rekber""");

    MailTemplates.Mail en = templates.render("deal/MENUNGGU_PEMBAYARAN.BUYER", Locale.UK, variables);
    assertThat(en.subject()).isEqualTo("[Rekber RB-7QK2M9XD] Please pay Rp 533.000");
    assertThat(en.body()).contains("Pay Rp 533.000 before 17 August 2026, 14:30 WIB.").endsWith("Regards,\nRekber");
  }

  @Test
  void aServiceDealIsToldAboutMilestonesNotShipping() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("dealId", "RB-7QK2M9XD");
    variables.put("item", "Desain logo");
    variables.put("deadline", Instant.parse("2026-08-17T07:30:00Z"));
    variables.put("service", true);
    MailTemplates.Mail service = templates.render("deal/DANA_DITAHAN.SELLER", ID, variables);
    assertThat(service.subject()).isEqualTo("[Rekber RB-7QK2M9XD] Dana ditahan - mulai milestone pertama");
    assertThat(service.body()).contains("Kerjakan milestone pertama \"Desain logo\"").doesNotContain("resi").doesNotContain("17 Agustus");
    assertThat(templates.render("deal/DANA_DITAHAN.BUYER", Locale.ENGLISH, variables).body())
        .contains("works on the first milestone").doesNotContain("ship");

    variables.put("service", false);
    MailTemplates.Mail goods = templates.render("deal/DANA_DITAHAN.SELLER", ID, variables);
    assertThat(goods.subject()).isEqualTo("[Rekber RB-7QK2M9XD] Dana ditahan - kirim barang sebelum 17 Agustus 2026, 14:30 WIB");
    assertThat(goods.body()).contains("masukkan nomor resi").doesNotContain("milestone");
  }

  @Test
  void missingValuesShowAsNothingAndOtherLanguagesGetBahasaIndonesia() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("name", "Rina");
    variables.put("reason", null);
    MailTemplates.Mail mail = templates.render("kyc/REJECTED", Locale.FRENCH, variables);
    assertThat(mail.subject()).isEqualTo("[Rekber] Verifikasi identitas ditolak");
    assertThat(mail.body()).startsWith("Halo Rina,\n\nVerifikasi identitas (KYC) Anda ditolak: .\n");
  }

  @Test
  void valuesAreShownAsTheyAreNotInterpreted() {
    MailTemplates.Mail mail = templates.render("deal/SENGKETA.SELLER", Locale.ENGLISH,
        Map.of("dealId", "RB-1", "item", "[(${link})] 'quoted' <b>", "link", "L"));
    assertThat(mail.body()).contains("The buyer opened a dispute for \"[(${link})] 'quoted' <b>\".");
  }

  @Test
  void everyMailExistsInBothLanguagesWithASubjectLine() throws IOException {
    List<String> indonesian = names("id");
    assertThat(indonesian).hasSize(53).contains("deal/DIKIRIM.BUYER", "deal/MILESTONE_UNFUNDED.SELLER", "dispute/decision.SELLER", "kyc/APPROVED", "trust/VERIFIED");
    assertThat(names("en")).containsExactlyInAnyOrderElementsOf(indonesian);
    for (String name : indonesian) {
      assertThat(templates.exists(name)).as(name).isTrue();
      for (Locale locale : List.of(ID, Locale.ENGLISH)) {
        MailTemplates.Mail mail = templates.render(name, locale, Map.of());
        assertThat(mail.subject()).as(name).startsWith("[Rekber").doesNotContain("\n");
        assertThat(mail.body()).as(name).isNotBlank().doesNotContain("${").doesNotContain("{0}");
      }
    }
    assertThat(templates.exists("deal/DIKIRIM.NOBODY")).isFalse();
  }

  private static List<String> names(String language) throws IOException {
    Path dir = ROOT.resolve(language);
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace('\\', '/').replaceFirst("\\.txt$", ""))
          .sorted()
          .toList();
    }
  }
}
