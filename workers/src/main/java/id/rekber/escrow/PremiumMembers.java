package id.rekber.escrow;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the benefits of a user's active (or in-grace) premium membership, answered by the
 * membership module. Without it (or for anyone else) there are none.
 */
public interface PremiumMembers {
  Optional<MemberBenefits> benefitsOf(UUID userId);

  /** The benefits a deal gets: those of whichever party is a member (the lower fee wins if both are). */
  default Optional<MemberBenefits> forDeal(UUID... userIds) {
    Optional<MemberBenefits> best = Optional.empty();
    for (UUID id : userIds) {
      if (id == null) {
        continue;
      }
      Optional<MemberBenefits> b = benefitsOf(id);
      if (b.isPresent() && (best.isEmpty() || b.get().feeRate().compareTo(best.get().feeRate()) < 0)) {
        best = b;
      }
    }
    return best;
  }
}
