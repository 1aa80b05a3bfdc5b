package id.rekber.payment.funds;

import id.rekber.platform.PublicUrl;
import id.rekber.platform.Rupiah;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * "Reconcile customer funds" (job {@code funds-reconcile}) of funds-reconciliation: checks the day
 * named by {@code fundsDay} (ISO date), or yesterday (WIB) when the daily timer started it, and
 * hands the admin's form its facts: the totals and one line per discrepancy (deal, ledger entry,
 * provider reference, both amounts).
 */
@Component
public class FundsWorker {
  static final int MAX_LISTED = 50;

  private final FundsReconciliation reconciliation;
  private final PublicUrl urls;

  FundsWorker(FundsReconciliation reconciliation, PublicUrl urls) {
    this.reconciliation = reconciliation;
    this.urls = urls;
  }

  @JobWorker(type = "funds-reconcile", fetchVariables = "fundsDay")
  public Map<String, Object> reconcile(@Variable String fundsDay, ActivatedJob job) {
    LocalDate day = fundsDay == null || fundsDay.isBlank() ? reconciliation.previousDay() : LocalDate.parse(fundsDay);
    FundsCheck check = reconciliation.check(day);
    Map<String, Object> variables = new HashMap<>();
    variables.put("fundsDay", day.toString());
    variables.put("fundsReconciled", check.reconciled());
    variables.put("caseHeld", Rupiah.format(check.customerHeld()) + " + fee " + Rupiah.format(check.fees()));
    variables.put("caseProviderBalance", check.providerBalance() == null ? "—" : Rupiah.format(check.providerBalance()));
    variables.put("caseDifference", check.difference() == null ? "—" : Rupiah.format(check.difference()));
    variables.put("caseItems", check.items().isEmpty() ? "—" : check.items().stream().limit(MAX_LISTED)
        .map(FundsCheck.Discrepancy::line).collect(Collectors.joining("\n"))
        + (check.items().size() > MAX_LISTED ? "\n… +" + (check.items().size() - MAX_LISTED) : ""));
    variables.put("caseUrl", urls.staffCase(job.getProcessInstanceKey()));
    return variables;
  }
}
