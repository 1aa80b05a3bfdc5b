package id.rekber.dispute;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.identity.AppUser;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may open a dispute's files: the deal's two parties, and staff of a candidate group of one of
 * the dispute's tasks (mediator, or admin after escalation) who are not themselves a party.
 */
@Component
class EvidenceAccess {
  private final DealRepository deals;
  private final JdbcTemplate jdbc;

  EvidenceAccess(DealRepository deals, JdbcTemplate jdbc) {
    this.deals = deals;
    this.jdbc = jdbc;
  }

  boolean mayRead(AppUser user, List<String> roles, String dealId) {
    Deal deal = deals.findById(dealId).orElse(null);
    if (deal == null) {
      return false;
    }
    if (deal.roleOf(user.getId()).isPresent()) {
      return true;
    }
    List<String> groups =
        jdbc.queryForList("SELECT candidate_groups FROM user_task WHERE process_id = ? AND deal_id = ?", String.class,
            DisputeCaseContext.PROCESS_ID, dealId);
    return groups.stream()
        .filter(g -> g != null)
        .flatMap(g -> Arrays.stream(g.split(",")).map(String::trim))
        .anyMatch(roles::contains);
  }
}
