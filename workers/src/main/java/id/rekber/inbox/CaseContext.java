package id.rekber.inbox;

import id.rekber.identity.AppUser;
import java.util.Map;
import java.util.Optional;

/**
 * What a staff member sees next to a task's form, and who may not take it. Each feature whose
 * processes create staff tasks (disputes, KYC, payouts) contributes one bean; the staff inbox picks
 * the bean whose {@link #supports} matches the task's BPMN process id.
 */
public interface CaseContext {

  /** True for tasks of the given BPMN process id, e.g. {@code "dispute-mediation"}. */
  boolean supports(String bpmnProcessId);

  /**
   * Thymeleaf fragment rendered beside the form, e.g. {@code "dispute/case :: panel"}. The fragment
   * reads the attributes returned by {@link #model}, plus {@code task} (the {@link StaffTask}).
   */
  String fragment();

  /** Model attributes for the fragment. Full personal data shown here must be audited by the implementation. */
  Map<String, Object> model(StaffTask task, AppUser viewer);

  /**
   * Why this staff member may not claim or complete the task (a message code such as
   * {@code "dispute.mediator-is-party"}), or empty if they may.
   */
  default Optional<String> refusal(StaffTask task, AppUser staff) {
    return Optional.empty();
  }

  /**
   * Rules a form cannot express (e.g. split amounts must add up to the held amount), checked after
   * the form's own rules and before the engine hears of it. Returns field key → message code; empty
   * when the submission is acceptable.
   */
  default Map<String, String> validate(StaffTask task, Map<String, Object> submitted) {
    return Map.of();
  }
}
