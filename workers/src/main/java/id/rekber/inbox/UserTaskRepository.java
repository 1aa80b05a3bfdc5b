package id.rekber.inbox;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserTaskRepository extends JpaRepository<UserTask, Long> {
  List<UserTask> findByStatusOrderByCreatedAtAsc(String status);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from UserTask t where t.jobKey = ?1")
  Optional<UserTask> findForUpdate(long jobKey);

  List<UserTask> findByProcessIdAndDealId(String processId, String dealId);

  List<UserTask> findByProcessInstanceKeyOrderByCreatedAtDesc(long processInstanceKey);

  @Modifying
  @Query("update UserTask t set t.status = 'CANCELED' where t.status = 'OPEN'")
  int cancelAllOpen();
}
