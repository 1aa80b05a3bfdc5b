package id.rekber.escrow;

import java.util.Set;

/** The states a buyer and a seller see, named as users see them (Bahasa Indonesia). */
public enum DealStatus {
  MENUNGGU_PERSETUJUAN,
  MENUNGGU_PEMBAYARAN,
  DANA_DITAHAN,
  DIKIRIM,
  SENGKETA,
  SELESAI,
  DIBATALKAN,
  DIKEMBALIKAN;

  private static final Set<DealStatus> FINAL = Set.of(SELESAI, DIBATALKAN, DIKEMBALIKAN);

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
