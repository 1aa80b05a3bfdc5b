package id.rekber.escrow;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DealRepository extends JpaRepository<Deal, String> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Deal d where d.id = ?1")
  Optional<Deal> findForUpdate(String id);

  @Query(
      "select d from Deal d where d.buyerId = ?1 or d.sellerId = ?1"
          + " or (lower(d.counterpartyEmail) = lower(?2) and d.status = id.rekber.escrow.DealStatus.MENUNGGU_PERSETUJUAN)"
          + " order by d.createdAt desc")
  List<Deal> findVisibleTo(UUID userId, String email);

  /** Price + shipping of the buyer's deals created in [from, to) that are not cancelled or refunded. */
  @Query(
      "select coalesce(sum(d.price + d.shippingCost), 0) from Deal d where d.buyerId = ?1 and d.id <> ?2"
          + " and d.createdAt >= ?3 and d.createdAt < ?4"
          + " and d.status not in (id.rekber.escrow.DealStatus.DIBATALKAN, id.rekber.escrow.DealStatus.DIKEMBALIKAN)")
  long sumCommittedBetween(UUID buyerId, String excludedDealId, Instant from, Instant to);

  /** Price + shipping of the buyer's deals paid in [from, to) that are not cancelled or refunded. */
  @Query(
      "select coalesce(sum(d.price + d.shippingCost), 0) from Deal d where d.buyerId = ?1 and d.id <> ?2"
          + " and d.paidAt >= ?3 and d.paidAt < ?4"
          + " and d.status not in (id.rekber.escrow.DealStatus.DIBATALKAN, id.rekber.escrow.DealStatus.DIKEMBALIKAN)")
  long sumPaidBetween(UUID buyerId, String excludedDealId, Instant from, Instant to);
}
