package id.rekber.inbox;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff member narrows the inbox to: one candidate group, whose tasks (mine, unassigned or
 * all) and free text matched against the task name, deal id and process. Tasks of premium members'
 * deals first (membership-benefits.dmn, "inboxPriority"), then most urgent first.
 */
public record TaskFilter(String group, String assignment, String q) {
  public static final String MINE = "mine";
  public static final String UNASSIGNED = "unassigned";

  static final Comparator<StaffTask> MOST_URGENT_FIRST =
      Comparator.comparing(StaffTask::getDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(StaffTask::getCreatedAt);

  public List<StaffTask> apply(List<StaffTask> tasks, String staffEmail) {
    return apply(tasks, staffEmail, Set.of());
  }

  public List<StaffTask> apply(List<StaffTask> tasks, String staffEmail, Set<String> priorityDeals) {
    // KYC, fraud, studio and funds tasks have no deal; Set.of().contains(null) would throw.
    Comparator<StaffTask> premiumFirst = Comparator.comparing(t -> t.getDealId() == null || !priorityDeals.contains(t.getDealId()));
    return tasks.stream()
        .filter(t -> blank(group) || t.candidateGroups().contains(group))
        .filter(t -> !MINE.equals(assignment) || t.isAssignedTo(staffEmail))
        .filter(t -> !UNASSIGNED.equals(assignment) || t.getAssignee() == null)
        .filter(this::matchesText)
        .sorted(premiumFirst.thenComparing(MOST_URGENT_FIRST))
        .toList();
  }

  private boolean matchesText(StaffTask t) {
    if (blank(q)) {
      return true;
    }
    String needle = q.trim().toLowerCase(Locale.ROOT);
    return contains(t.getName(), needle) || contains(t.getDealId(), needle) || contains(t.getProcessId(), needle)
        || contains(t.getAssignee(), needle);
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
