package id.rekber.kyc;

import java.util.Set;

/** Where a KYC submission stands. */
public enum KycStatus {
  CHECKING,
  IN_REVIEW,
  RESUBMISSION_REQUESTED,
  APPROVED,
  REJECTED,
  EXPIRED;

  static final Set<KycStatus> OPEN = Set.of(CHECKING, IN_REVIEW, RESUBMISSION_REQUESTED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
