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
  REFUND_PAID(null),
  /** Both parts of a dispute split were paid out; the deal is done. */
  SPLIT_PAID(DealStatus.SELESAI),
  // Dispute stages (processes/dispute-mediation.bpmn): milestones on the timeline, status stays SENGKETA.
  SENGKETA_TANGGAPAN_PENJUAL(null),
  SENGKETA_JAWABAN_PEMBELI(null),
  SENGKETA_MEDIASI(null),
  SENGKETA_ESKALASI(null),
  SENGKETA_RETUR(null),
  SENGKETA_RETUR_DIKIRIM(null),
  SENGKETA_SELESAI(null);

  private final DealStatus status;

  DealStep(DealStatus status) {
    this.status = status;
  }

  /** A milestone that happens at most once per deal, so a repeated job adds no second line. */
  public boolean isOnceOnly() {
    return name().startsWith("SENGKETA_");
  }

  public Optional<DealStatus> status() {
    return Optional.ofNullable(status);
  }
}
