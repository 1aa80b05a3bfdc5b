package id.rekber.kyc;

import java.util.Map;

/**
 * The first two digits of a NIK: the province code of Kemendagri (Permendagri 72/2019 and the Papua
 * provinces created in 2022). Regency and district codes (digits 3–4 and 5–6) are checked for shape
 * only (01–99); a full Dukcapil region table is not bundled.
 */
final class ProvinceCodes {
  static final Map<String, String> PROVINCES = Map.ofEntries(
      Map.entry("11", "Aceh"),
      Map.entry("12", "Sumatera Utara"),
      Map.entry("13", "Sumatera Barat"),
      Map.entry("14", "Riau"),
      Map.entry("15", "Jambi"),
      Map.entry("16", "Sumatera Selatan"),
      Map.entry("17", "Bengkulu"),
      Map.entry("18", "Lampung"),
      Map.entry("19", "Kepulauan Bangka Belitung"),
      Map.entry("21", "Kepulauan Riau"),
      Map.entry("31", "DKI Jakarta"),
      Map.entry("32", "Jawa Barat"),
      Map.entry("33", "Jawa Tengah"),
      Map.entry("34", "DI Yogyakarta"),
      Map.entry("35", "Jawa Timur"),
      Map.entry("36", "Banten"),
      Map.entry("51", "Bali"),
      Map.entry("52", "Nusa Tenggara Barat"),
      Map.entry("53", "Nusa Tenggara Timur"),
      Map.entry("61", "Kalimantan Barat"),
      Map.entry("62", "Kalimantan Tengah"),
      Map.entry("63", "Kalimantan Selatan"),
      Map.entry("64", "Kalimantan Timur"),
      Map.entry("65", "Kalimantan Utara"),
      Map.entry("71", "Sulawesi Utara"),
      Map.entry("72", "Sulawesi Tengah"),
      Map.entry("73", "Sulawesi Selatan"),
      Map.entry("74", "Sulawesi Tenggara"),
      Map.entry("75", "Gorontalo"),
      Map.entry("76", "Sulawesi Barat"),
      Map.entry("81", "Maluku"),
      Map.entry("82", "Maluku Utara"),
      Map.entry("91", "Papua"),
      Map.entry("92", "Papua Barat"),
      Map.entry("93", "Papua Selatan"),
      Map.entry("94", "Papua Tengah"),
      Map.entry("95", "Papua Pegunungan"),
      Map.entry("96", "Papua Barat Daya"));

  private ProvinceCodes() {}
}
