package id.rekber.kyc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A member's open phone challenge: the hash of the last code sent, its expiry and the limits' counters. */
@Entity
@Table(name = "phone_challenge")
class PhoneChallenge {
  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String salt;

  @Column(name = "code_hash", nullable = false)
  private String codeHash;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "sends_in_window", nullable = false)
  private int sendsInWindow;

  @Column(name = "window_started_at", nullable = false)
  private Instant windowStartedAt;

  protected PhoneChallenge() {}

  PhoneChallenge(UUID userId, Instant now) {
    this.userId = userId;
    this.windowStartedAt = now;
  }

  /** Counts one more send in the window (a new window once the old one is over); false when over the limit. */
  boolean countSend(Instant now, Duration window, int maxSends) {
    if (!now.isBefore(windowStartedAt.plus(window))) {
      windowStartedAt = now;
      sendsInWindow = 0;
    }
    if (sendsInWindow >= maxSends) {
      return false;
    }
    sendsInWindow++;
    return true;
  }

  /** A new code replaces the old one: the attempts start again. */
  void newCode(String phone, String salt, String codeHash, Instant expiresAt) {
    this.phone = phone;
    this.salt = salt;
    this.codeHash = codeHash;
    this.expiresAt = expiresAt;
    this.attempts = 0;
  }

  int countAttempt() {
    return ++attempts;
  }

  UUID getUserId() { return userId; }
  String getPhone() { return phone; }
  String getSalt() { return salt; }
  String getCodeHash() { return codeHash; }
  Instant getExpiresAt() { return expiresAt; }
  int getAttempts() { return attempts; }
  Instant getWindowStartedAt() { return windowStartedAt; }
}
