package id.rekber.ledger;

import id.rekber.escrow.DealAccess;
import id.rekber.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Each party can see every ledger line of their own deal: where their money is. */
@RestController
class LedgerController {
  private final Ledger ledger;
  private final DealAccess access;
  private final CurrentUser currentUser;

  LedgerController(Ledger ledger, DealAccess access, CurrentUser currentUser) {
    this.ledger = ledger;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/deals/{id}/ledger")
  List<LedgerLine> lines(@PathVariable String id) {
    access.visibleTo(currentUser.get(), id);
    return ledger.linesOf(id);
  }
}
