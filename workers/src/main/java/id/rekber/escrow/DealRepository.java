package id.rekber.escrow;

import jakarta.persistence.LockModeType;
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
}
