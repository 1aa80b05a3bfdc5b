package id.rekber.payment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PayoutRepository extends JpaRepository<Payout, String> {
  Optional<Payout> findTopByDealIdAndPurposeOrderByAttemptDesc(String dealId, String purpose);

  List<Payout> findByDealIdOrderByRequestedAtAsc(String dealId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payout p where p.id = ?1")
  Optional<Payout> findForUpdate(String id);

  Optional<Payout> findByProviderAndProviderReference(String provider, String providerReference);

  boolean existsByDealIdAndPurposeAndStatus(String dealId, String purpose, String status);
}
