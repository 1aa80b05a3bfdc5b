package id.rekber.payment;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, String> {
  Optional<Payment> findByDealId(String dealId);

  java.util.List<Payment> findByStatus(String status);

  java.util.List<Payment> findByProviderAndCreatedAtBetween(String provider, java.time.Instant from, java.time.Instant to);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.id = ?1")
  Optional<Payment> findForUpdate(String id);
}
