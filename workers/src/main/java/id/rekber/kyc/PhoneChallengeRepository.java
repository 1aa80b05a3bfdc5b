package id.rekber.kyc;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PhoneChallengeRepository extends JpaRepository<PhoneChallenge, UUID> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from PhoneChallenge c where c.userId = :userId")
  Optional<PhoneChallenge> lock(UUID userId);
}
