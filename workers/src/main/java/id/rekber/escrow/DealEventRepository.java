package id.rekber.escrow;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealEventRepository extends JpaRepository<DealEvent, Long> {
  List<DealEvent> findByDealIdOrderByIdAsc(String dealId);

  boolean existsByDealIdAndType(String dealId, String type);

  boolean existsByDealIdAndTypeAndDetail(String dealId, String type, String detail);
}
