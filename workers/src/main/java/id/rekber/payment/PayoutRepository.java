package id.rekber.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PayoutRepository extends JpaRepository<Payout, String> {
  Optional<Payout> findTopByDealIdAndPurposeAndMilestoneSeqIsNullOrderByAttemptDesc(String dealId, String purpose);

  Optional<Payout> findTopByDealIdAndPurposeAndMilestoneSeqOrderByAttemptDesc(String dealId, String purpose, Short milestoneSeq);

  /** The latest attempt of a deal's payout for this purpose: of the whole deal, or of one milestone (decision 45). */
  default Optional<Payout> latestAttempt(String dealId, String purpose, Integer milestone) {
    return milestone == null
        ? findTopByDealIdAndPurposeAndMilestoneSeqIsNullOrderByAttemptDesc(dealId, purpose)
        : findTopByDealIdAndPurposeAndMilestoneSeqOrderByAttemptDesc(dealId, purpose, milestone.shortValue());
  }

  List<Payout> findByDealIdOrderByRequestedAtAsc(String dealId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payout p where p.id = ?1")
  Optional<Payout> findForUpdate(String id);

  Optional<Payout> findByProviderAndProviderReference(String provider, String providerReference);

  boolean existsByDealIdAndPurposeAndStatus(String dealId, String purpose, String status);
}
