package id.rekber.kyc;

import id.rekber.privacy.Masking;
import id.rekber.identity.AppUser;
import java.time.Instant;
import java.util.List;

/** A member's KYC as APIs and pages show it: personal data masked. */
public record KycView(
    int kycTier, long perDealLimit, long perMonthLimit, boolean canSell, String payoutAccount, Submission submission) {

  public record Submission(
      String id, KycStatus status, String fullName, Gender gender, String birthDate, String nik, String phone, String bankCode,
      String bankAccountNumber, Instant submittedAt, Instant decidedAt, String decisionNote, Instant resubmitBy, List<String> documents) {}

  static KycView of(AppUser user, LimitProperties.Tier limits, KycSubmission s, List<KycDocument> documents) {
    String account = user.hasPayoutAccount() ? user.getBankCode() + " " + Masking.account(user.getBankAccountNumber()) + " a.n. " + user.getBankAccountName() : null;
    Submission submission =
        s == null ? null : new Submission(
            s.getId().toString(), s.getStatus(), s.getFullName(), s.getGender(), Masking.birthDate(s.getPurgedAt() == null ? s : null),
            s.getNikMasked(), Masking.phone(s.getPhone()), s.getBankCode(), s.getBankAccountMasked(), s.getSubmittedAt(), s.getDecidedAt(),
            s.getDecisionNote(), s.getResubmitBy(), documents.stream().map(KycDocument::getKind).toList());
    return new KycView(user.getKycTier(), limits.perDeal(), limits.perMonth(), user.getKycTier() >= 1, account, submission);
  }
}
