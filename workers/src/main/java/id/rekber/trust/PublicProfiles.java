package id.rekber.trust;

import id.rekber.escrow.MemberTrackRecord;
import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's public reputation: numbers about their deals and what counterparties said. No name,
 * e-mail, phone or account: the profile is addressed by the member's random id.
 */
@Service
public class PublicProfiles {
  static final int RECENT_REVIEWS = 10;

  private final AppUserRepository users;
  private final MemberTrackRecord track;
  private final Reviews reviews;

  PublicProfiles(AppUserRepository users, MemberTrackRecord track, Reviews reviews) {
    this.users = users;
    this.track = track;
    this.reviews = reviews;
  }

  public record PublicReview(int rating, String text, String reviewerRole, Instant createdAt) {}

  public record PublicProfile(UUID memberId, Instant memberSince, int kycTier, int completedAsBuyer, int completedAsSeller,
      Integer disputeRatePercent, Double averageRating, int ratingCount, List<PublicReview> recentReviews) {
    public boolean verified() {
      return kycTier >= 1;
    }
  }

  @Transactional(readOnly = true)
  public Optional<PublicProfile> of(UUID memberId) {
    return users.findById(memberId).map(this::of);
  }

  @Transactional(readOnly = true)
  public PublicProfile of(AppUser member) {
    MemberTrackRecord.Numbers numbers = track.of(member.getId());
    Reviews.Rating rating = reviews.ratingOf(member.getId());
    List<PublicReview> recent = reviews.recentAbout(member.getId(), RECENT_REVIEWS).stream()
        .map(r -> new PublicReview(r.rating(), r.text(), r.reviewerRole(), r.createdAt())).toList();
    return new PublicProfile(member.getId(), member.getCreatedAt(), member.getKycTier(), numbers.completedAsBuyer(), numbers.completedAsSeller(),
        numbers.disputeRatePercent(), rating.average(), rating.count(), recent);
  }
}
