package id.rekber.escrow;

import java.util.Optional;

/**
 * A step the process reports on a deal: a user-visible status, or a milestone that leaves the
 * status as it is (the inspection period starting, a refund reaching the buyer).
 */
public enum DealStep {
  MENUNGGU_PERSETUJUAN(DealStatus.MENUNGGU_PERSETUJUAN),
  MENUNGGU_PEMBAYARAN(DealStatus.MENUNGGU_PEMBAYARAN),
  DANA_DITAHAN(DealStatus.DANA_DITAHAN),
  DIKIRIM(DealStatus.DIKIRIM),
  INSPEKSI(null),
  SENGKETA(DealStatus.SENGKETA),
  SELESAI(DealStatus.SELESAI),
  DIBATALKAN(DealStatus.DIBATALKAN),
  DIKEMBALIKAN(DealStatus.DIKEMBALIKAN),
  REFUND_PAID(null);

  private final DealStatus status;

  DealStep(DealStatus status) {
    this.status = status;
  }

  public Optional<DealStatus> status() {
    return Optional.ofNullable(status);
  }
}
