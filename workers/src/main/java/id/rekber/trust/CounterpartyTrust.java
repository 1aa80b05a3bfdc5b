package id.rekber.trust;

import id.rekber.escrow.Deal;
import id.rekber.escrow.PartyRole;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the deal page shows about the other side before anyone accepts or pays: the public check of
 * their phone number and payout account, and their public profile. Also whether the viewer may rate.
 */
@Component
public class CounterpartyTrust {
  private final AppUserRepository users;
  private final NumberCheck check;
  private final PublicProfiles profiles;
  private final Reviews reviews;

  CounterpartyTrust(AppUserRepository users, NumberCheck check, PublicProfiles profiles, Reviews reviews) {
    this.users = users;
    this.check = check;
    this.profiles = profiles;
    this.reviews = reviews;
  }

  public record View(PublicProfiles.PublicProfile profile, List<NumberCheck.Result> checks, boolean mayRate) {
    public boolean warning() {
      return checks.stream().anyMatch(c -> !c.clean());
    }
  }

  @Transactional(readOnly = true)
  public Optional<View> of(AppUser viewer, Deal deal) {
    boolean mayRate = reviews.mayRate(viewer, deal);
    return counterparty(viewer, deal).map(other -> new View(profiles.of(other), check.checkMember(other), mayRate));
  }

  private Optional<AppUser> counterparty(AppUser viewer, Deal deal) {
    Optional<PartyRole> mine = deal.roleOf(viewer.getId());
    if (mine.isEmpty()) {
      // The invitee: the other side is whoever created the deal.
      return Optional.ofNullable(deal.partyId(deal.getInitiatorRole())).flatMap(users::findById);
    }
    UUID other = deal.partyId(mine.get().other());
    if (other != null) {
      return users.findById(other);
    }
    return Optional.ofNullable(deal.getCounterpartyEmail()).flatMap(users::findByEmail);
  }
}
