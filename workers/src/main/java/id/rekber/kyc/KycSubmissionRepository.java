package id.rekber.kyc;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface KycSubmissionRepository extends JpaRepository<KycSubmission, UUID> {
  Optional<KycSubmission> findTopByUserIdOrderBySubmittedAtDesc(UUID userId);

  List<KycSubmission> findByUserIdOrderBySubmittedAtDesc(UUID userId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from KycSubmission s where s.id = ?1")
  Optional<KycSubmission> findForUpdate(UUID id);

  @Query("select count(s) from KycSubmission s where s.nikIndex = ?1 and s.userId <> ?2 and s.status not in ?3")
  long countOtherAccountsWithNik(String nikIndex, UUID userId, Collection<KycStatus> ignored);

  @Query("select s from KycSubmission s where s.status in ?1 and s.decidedAt < ?2 and s.purgedAt is null")
  List<KycSubmission> findDecidedBefore(Collection<KycStatus> statuses, Instant before);
}
