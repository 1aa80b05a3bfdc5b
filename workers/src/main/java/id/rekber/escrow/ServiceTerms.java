package id.rekber.escrow;

import id.rekber.platform.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** The rules of a service deal's milestones (decision 43), and storing them with the deal. */
@Component
class ServiceTerms {
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private final MilestoneRepository milestones;
  private final Clock clock;

  ServiceTerms(MilestoneRepository milestones, Clock clock) {
    this.milestones = milestones;
    this.clock = clock;
  }

  void check(DealTerms terms) {
    List<MilestoneTerms> list = terms.milestones();
    if (list.isEmpty()) {
      if (terms.milestoneFunding() == MilestoneFunding.PER_MILESTONE) {
        throw Refusal.invalid("deal.milestones.per-milestone-needs-two");
      }
      return;
    }
    if (terms.milestoneFunding() == MilestoneFunding.PER_MILESTONE && list.size() < 2) {
      throw Refusal.invalid("deal.milestones.per-milestone-needs-two");
    }
    if (list.size() > 10) {
      throw Refusal.invalid("deal.milestones.size");
    }
    if (terms.shippingCost() != 0) {
      throw Refusal.invalid("deal.milestones.no-shipping");
    }
    long sum = 0;
    for (MilestoneTerms m : list) {
      sum = Math.addExact(sum, m.amount());
    }
    if (sum != terms.price()) {
      throw Refusal.invalid("deal.milestones.sum", id.rekber.platform.Rupiah.format(sum));
    }
    LocalDate today = LocalDate.now(clock.withZone(WIB));
    if (list.stream().anyMatch(m -> m.dueDate().isBefore(today))) {
      throw Refusal.invalid("deal.milestones.due-past");
    }
  }

  void store(Deal deal, DealTerms terms) {
    List<MilestoneTerms> list = terms.milestones();
    for (int i = 0; i < list.size(); i++) {
      milestones.save(new Milestone(deal.getId(), i + 1, list.get(i)));
    }
  }
}
