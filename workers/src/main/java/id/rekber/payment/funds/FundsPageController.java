package id.rekber.payment.funds;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Dana nasabah", public and without login: per checked day the customer money Rekber held, whether
 * the provider's books agreed, and when that was checked. Nothing about deals, entries or people.
 */
@Controller
class FundsPageController {
  static final int DAYS_SHOWN = 30;

  private final FundsReconciliation reconciliation;

  FundsPageController(FundsReconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @GetMapping("/dana-nasabah")
  String page(Model model) {
    model.addAttribute("days", reconciliation.latest(DAYS_SHOWN));
    return "funds";
  }

  @GetMapping("/api/funds/days")
  @ResponseBody
  List<FundsDays.PublicDay> days() {
    return reconciliation.latest(DAYS_SHOWN);
  }
}
