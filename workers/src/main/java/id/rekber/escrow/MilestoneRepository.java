package id.rekber.escrow;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface MilestoneRepository extends JpaRepository<Milestone, Long> {
  List<Milestone> findByDealIdOrderBySeqAsc(String dealId);

  Optional<Milestone> findByDealIdAndSeq(String dealId, short seq);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from Milestone m where m.dealId = :dealId and m.seq = :seq")
  Optional<Milestone> lock(String dealId, short seq);
}
