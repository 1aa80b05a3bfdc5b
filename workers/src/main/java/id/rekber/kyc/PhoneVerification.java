package id.rekber.kyc;

import id.rekber.identity.AppUser;
import id.rekber.identity.PhoneNumbers;
import id.rekber.identity.Profiles;
import id.rekber.notification.MessageSender;
import id.rekber.platform.Refusal;
import id.rekber.privacy.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member proves a phone number by typing the 6-digit code sent to it (decision 42). Only a keyed,
 * salted hash of the code is stored; codes expire, wrong tries and sends are limited.
 */
@Service
@EnableConfigurationProperties(PhoneVerificationProperties.class)
public class PhoneVerification {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final PhoneChallengeRepository challenges;
  private final Profiles profiles;
  private final MessageSender sender;
  private final PersonalDataCipher cipher;
  private final PhoneVerificationProperties properties;
  private final MessageSource texts;
  private final Clock clock;

  PhoneVerification(
      PhoneChallengeRepository challenges,
      Profiles profiles,
      MessageSender sender,
      PersonalDataCipher cipher,
      PhoneVerificationProperties properties,
      MessageSource texts,
      Clock clock) {
    this.challenges = challenges;
    this.profiles = profiles;
    this.sender = sender;
    this.cipher = cipher;
    this.properties = properties;
    this.texts = texts;
    this.clock = clock;
  }

  /**
   * Sends a new code to {@code typedPhone} (or to the member's saved number when null). A typed
   * number becomes the member's (unverified) number first, so a taken number is refused here.
   */
  @Transactional
  public void sendCode(AppUser user, String typedPhone, MessageSender.Channel channel) {
    String phone = typedPhone == null || typedPhone.isBlank()
        ? user.getPhone()
        : PhoneNumbers.normalize(typedPhone).orElseThrow(() -> Refusal.invalid("profile.phone.invalid"));
    if (phone == null) {
      throw Refusal.invalid("phone.number-missing");
    }
    Instant now = clock.instant();
    PhoneChallenge challenge = challenges.lock(user.getId()).orElseGet(() -> new PhoneChallenge(user.getId(), now));
    if (!challenge.countSend(now, properties.sendWindow(), properties.maxSends())) {
      throw Refusal.tooManyRequests("phone.too-many-codes", properties.maxSends());
    }
    if (!phone.equals(user.getPhone())) {
      profiles.changePhone(user.getId(), phone);
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    String salt = HexFormat.of().formatHex(randomBytes());
    challenge.newCode(phone, salt, hash(salt, user, code), now.plus(properties.codeTtl()));
    challenges.saveAndFlush(challenge);
    // Last, so that a refusing sender (cluster mode) rolls everything back.
    sender.send(phone, channel == null ? MessageSender.Channel.SMS : channel, text(user.getLocale(), code));
  }

  /** Checks the typed code; the right one, in time and within the attempts, verifies the number. */
  @Transactional(noRollbackFor = Refusal.class)
  public AppUser verify(AppUser user, String typedCode) {
    PhoneChallenge challenge = challenges.lock(user.getId())
        .filter(c -> c.getCodeHash() != null)
        .orElseThrow(() -> Refusal.conflict("phone.no-code"));
    if (challenge.getAttempts() >= properties.maxAttempts()) {
      throw Refusal.tooManyRequests("phone.too-many-attempts");
    }
    if (!clock.instant().isBefore(challenge.getExpiresAt())) {
      throw Refusal.conflict("phone.code-expired");
    }
    int attempts = challenge.countAttempt();
    String code = typedCode == null ? "" : typedCode.trim();
    boolean right = code.matches("\\d{6}")
        && MessageDigest.isEqual(
            hash(challenge.getSalt(), user, code).getBytes(StandardCharsets.US_ASCII),
            challenge.getCodeHash().getBytes(StandardCharsets.US_ASCII));
    if (!right) {
      int left = properties.maxAttempts() - attempts;
      throw left > 0 ? Refusal.invalid("phone.code-wrong", left) : Refusal.tooManyRequests("phone.too-many-attempts");
    }
    AppUser verified = profiles.verifyPhone(user.getId(), challenge.getPhone(), clock.instant());
    challenges.delete(challenge);
    return verified;
  }

  private String hash(String salt, AppUser user, String code) {
    return cipher.blindIndex("phone-otp:" + salt + ":" + user.getId() + ":" + code);
  }

  private String text(Locale locale, String code) {
    return texts.getMessage("phone.code-message", new Object[] {code, properties.codeTtl().toMinutes()}, locale);
  }

  private static byte[] randomBytes() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }
}
