package id.rekber.kyc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface KycDocumentRepository extends JpaRepository<KycDocument, UUID> {
  List<KycDocument> findBySubmissionIdOrderByKind(UUID submissionId);

  Optional<KycDocument> findBySubmissionIdAndKind(UUID submissionId, String kind);

  @Modifying
  @Query("delete from KycDocument d where d.submissionId = ?1")
  void deleteBySubmission(UUID submissionId);
}
