package id.rekber.membership;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealRepository;
import id.rekber.escrow.MemberBenefits;
import id.rekber.escrow.PremiumMembers;
import id.rekber.inbox.PriorityCases;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Answers the escrow's {@link PremiumMembers} port (fee quote, mediator SLA) and the inbox's {@link
 * PriorityCases} port (premium cases first) from the membership table and the benefits decision.
 */
@Component
class PremiumMemberBenefits implements PremiumMembers, PriorityCases {
  private final MembershipStore store;
  private final BenefitsDecision decision;
  private final DealRepository deals;

  PremiumMemberBenefits(MembershipStore store, BenefitsDecision decision, DealRepository deals) {
    this.store = store;
    this.decision = decision;
    this.deals = deals;
  }

  @Override
  public Optional<MemberBenefits> benefitsOf(UUID userId) {
    return store.find(userId).filter(Membership::givesBenefits).map(m -> decision.of(m.plan()).benefits());
  }

  @Override
  public Set<String> priorityDeals(Collection<String> dealIds) {
    List<String> ids = dealIds.stream().filter(id -> id != null).distinct().toList();
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<Deal> found = deals.findAllById(ids);
    List<UUID> parties = new ArrayList<>();
    for (Deal d : found) {
      parties.add(d.getBuyerId());
      parties.add(d.getSellerId());
    }
    Set<UUID> priority = new HashSet<>();
    for (Membership m : store.withBenefits(parties.stream().filter(p -> p != null).distinct().toList())) {
      if (decision.of(m.plan()).benefits().inboxPriority()) {
        priority.add(m.userId());
      }
    }
    Set<String> result = new HashSet<>();
    for (Deal d : found) {
      if (priority.contains(d.getBuyerId()) || priority.contains(d.getSellerId())) {
        result.add(d.getId());
      }
    }
    return result;
  }
}
