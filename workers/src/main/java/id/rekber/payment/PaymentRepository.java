package id.rekber.payment;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, String> {
  /** The deal's own payment (the whole deal, or its first milestone when funded per milestone). */
  @Query("select p from Payment p where p.dealId = ?1 and p.milestoneSeq is null")
  Optional<Payment> findByDealId(String dealId);

  Optional<Payment> findByDealIdAndMilestoneSeq(String dealId, Short milestoneSeq);

  /** Every payment of the deal, its own first, then its milestones' in order. */
  java.util.List<Payment> findByDealIdOrderByCreatedAtAsc(String dealId);

  /**
   * The newest invoice still open: the one the buyer can pay now. (An older one still marked open
   * has lapsed at the provider, which says so by its callback or the reconciliation.)
   */
  default Optional<Payment> findOpen(String dealId) {
    return findByDealIdOrderByCreatedAtAsc(dealId).stream().filter(p -> Payment.PENDING.equals(p.getStatus()))
        .reduce((first, second) -> second);
  }

  java.util.List<Payment> findByStatus(String status);

  java.util.List<Payment> findByProviderAndCreatedAtBetween(String provider, java.time.Instant from, java.time.Instant to);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.id = ?1")
  Optional<Payment> findForUpdate(String id);
}
