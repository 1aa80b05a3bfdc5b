package id.rekber.trust;

import id.rekber.identity.AppUser;
import id.rekber.identity.AppUserRepository;
import id.rekber.kyc.Blocklist;
import id.rekber.kyc.VerifiedOwners;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Cek rekening / cek nomor HP": what Rekber knows about a bank account or phone number, looked up
 * by its blind index. Answers counts, dates, the masked number and the owner's public reputation
 * when the owner is a KYC-verified seller; never a name, NIK or anything else personal.
 */
@Service
public class NumberCheck {
  private final Blocklist blocklist;
  private final VerifiedOwners owners;
  private final AppUserRepository users;
  private final PublicProfiles profiles;
  private final JdbcTemplate jdbc;

  NumberCheck(Blocklist blocklist, VerifiedOwners owners, AppUserRepository users, PublicProfiles profiles, JdbcTemplate jdbc) {
    this.blocklist = blocklist;
    this.owners = owners;
    this.users = users;
    this.profiles = profiles;
    this.jdbc = jdbc;
  }

  /**
   * {@code reportDates}: when each verified report that still stands was verified, newest first;
   * {@code listed}: on the blocklist (by a report or by an admin); {@code underAppeal}: "dalam
   * sengketa"; {@code verifiedSeller}: the owner's public profile if they are KYC-verified.
   */
  public record Result(String kind, String masked, int verifiedReports, List<Instant> reportDates, boolean listed, Instant listedSince,
      boolean underAppeal, PublicProfiles.PublicProfile verifiedSeller) {
    public boolean clean() {
      return verifiedReports == 0 && !listed && !underAppeal;
    }
  }

  @Transactional(readOnly = true)
  public Result check(String kind, String bankCode, String value) {
    return check(blocklist.subject(kind, bankCode, value));
  }

  /** The same check on a member's own phone number and payout account (the deal invitation page). */
  @Transactional(readOnly = true)
  public List<Result> checkMember(AppUser member) {
    List<Result> results = new ArrayList<>();
    if (member.getPhone() != null) {
      results.add(check(Blocklist.PHONE, null, member.getPhone()));
    }
    if (member.hasPayoutAccount()) {
      results.add(check(Blocklist.BANK_ACCOUNT, member.getBankCode(), member.getBankAccountNumber()));
    }
    return results;
  }

  Result check(Blocklist.Subject subject) {
    List<Instant> dates = jdbc.queryForList(
            "SELECT decided_at FROM fraud_report WHERE kind = ? AND value_index = ? AND status IN ('VERIFIED', 'APPEALED', 'UPHELD') ORDER BY decided_at DESC",
            Timestamp.class, subject.kind(), subject.index())
        .stream().map(Timestamp::toInstant).toList();
    boolean appeal = Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM fraud_report WHERE kind = ? AND value_index = ? AND status = 'APPEALED')", Boolean.class,
        subject.kind(), subject.index()));
    Optional<Instant> listed = blocklist.listedSince(subject);
    PublicProfiles.PublicProfile seller = owners.of(subject).flatMap(users::findById).filter(u -> u.getKycTier() >= 1).map(profiles::of).orElse(null);
    return new Result(subject.kind(), subject.masked(), dates.size(), dates, listed.isPresent(), listed.orElse(null), appeal, seller);
  }
}
