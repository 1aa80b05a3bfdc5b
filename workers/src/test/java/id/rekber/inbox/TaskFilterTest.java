package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inbox order: tasks of premium members' deals first (membership-benefits.dmn), then most urgent. */
class TaskFilterTest {
  static final Instant T = Instant.parse("2026-12-03T00:00:00Z");

  @Test
  void premiumDealsComeFirstThenTheMostUrgent() {
    StaffTask soon = task(1, "RB-SOON", T.plusSeconds(3600));
    StaffTask premiumLate = task(2, "RB-PREMIUM", T.plusSeconds(7200));
    StaffTask later = task(3, "RB-LATER", T.plusSeconds(5400));
    List<StaffTask> tasks = List.of(later, premiumLate, soon);

    assertThat(new TaskFilter(null, null, null).apply(tasks, "mediator@rekber.test", Set.of("RB-PREMIUM")))
        .extracting(StaffTask::getDealId).containsExactly("RB-PREMIUM", "RB-SOON", "RB-LATER");
    assertThat(new TaskFilter(null, null, null).apply(tasks, "mediator@rekber.test"))
        .extracting(StaffTask::getDealId).containsExactly("RB-SOON", "RB-LATER", "RB-PREMIUM");
  }

  @Test
  void aTaskWithoutADealIsSortedByUrgencyAmongTheOthers() {
    // A KYC or fraud review has no deal: it must not break the premium ordering (Set.of() refuses null).
    StaffTask kyc = task(4, null, T.plusSeconds(1800));
    StaffTask premium = task(2, "RB-PREMIUM", T.plusSeconds(7200));
    StaffTask other = task(3, "RB-OTHER", T.plusSeconds(5400));
    List<StaffTask> tasks = List.of(other, premium, kyc);

    assertThat(new TaskFilter(null, null, null).apply(tasks, "compliance@rekber.test", Set.of("RB-PREMIUM")))
        .extracting(StaffTask::getJobKey).containsExactly(2L, 4L, 3L);
    assertThat(new TaskFilter(null, null, null).apply(tasks, "compliance@rekber.test", Set.of()))
        .extracting(StaffTask::getJobKey).containsExactly(4L, 3L, 2L);
  }

  private static StaffTask task(long key, String dealId, Instant due) {
    return new StaffTask(key, "Task_MediatorDecision", "Decide dispute", "dispute-mediation", key, List.of("mediator"), null, due, dealId,
        "{}", "CREATED", null, null, T, null);
  }
}
