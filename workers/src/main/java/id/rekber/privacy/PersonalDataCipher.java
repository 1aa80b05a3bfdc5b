package id.rekber.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Application-level encryption of personal data: AES-256-GCM with a random 96-bit IV. A ciphertext
 * is {@code [key id length][key id][IV][ciphertext + tag]}; the key id is also authenticated, so
 * keys can rotate (see docs/personal-data.md). Text columns hold {@code pdp1:} + base64 of that.
 */
@Component
@EnableConfigurationProperties(PdpProperties.class)
public class PersonalDataCipher {
  static final String TEXT_PREFIX = "pdp1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new HashMap<>();
  private final String activeKeyId;
  private final SecretKey indexKey;

  PersonalDataCipher(PdpProperties properties) {
    if (properties.activeKeyId() == null || properties.keys() == null || !properties.keys().containsKey(properties.activeKeyId())) {
      throw new IllegalStateException("rekber.pdp.active-key-id must name one of rekber.pdp.keys");
    }
    properties.keys().forEach((id, key) -> keys.put(id, aesKey(id, key)));
    this.activeKeyId = properties.activeKeyId();
    this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(properties.indexKey()), "HmacSHA256");
  }

  private static SecretKey aesKey(String id, String base64) {
    byte[] key = Base64.getDecoder().decode(base64);
    if (key.length != 32) {
      throw new IllegalStateException("PDP key " + id + " must be 32 bytes (base64), is " + key.length);
    }
    return new SecretKeySpec(key, "AES");
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public byte[] encrypt(byte[] plain) {
    if (plain == null) {
      return null;
    }
    byte[] id = activeKeyId.getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(id);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + id.length + IV_BYTES + sealed.length).put((byte) id.length).put(id).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt personal data", e);
    }
  }

  public byte[] decrypt(byte[] stored) {
    if (stored == null) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(stored);
    byte[] id = new byte[in.get() & 0xff];
    in.get(id);
    String keyId = new String(id, StandardCharsets.UTF_8);
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("personal data encrypted with unknown key id " + keyId);
    }
    byte[] iv = new byte[IV_BYTES];
    in.get(iv);
    byte[] sealed = new byte[in.remaining()];
    in.get(sealed);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(id);
      return cipher.doFinal(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt personal data (key " + keyId + ")", e);
    }
  }

  /** The key id a stored ciphertext was made with (for rotation). */
  public static String keyIdOf(byte[] stored) {
    return new String(stored, 1, stored[0] & 0xff, StandardCharsets.UTF_8);
  }

  public byte[] encryptString(String plain) {
    return plain == null ? null : encrypt(plain.getBytes(StandardCharsets.UTF_8));
  }

  public String decryptString(byte[] stored) {
    return stored == null ? null : new String(decrypt(stored), StandardCharsets.UTF_8);
  }

  public String encryptText(String plain) {
    return plain == null ? null : TEXT_PREFIX + Base64.getEncoder().encodeToString(encryptString(plain));
  }

  /** Values stored before encryption was introduced have no prefix and are returned as they are. */
  public String decryptText(String stored) {
    if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
      return stored;
    }
    return decryptString(Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length())));
  }

  public static boolean isEncryptedText(String stored) {
    return stored != null && stored.startsWith(TEXT_PREFIX);
  }

  /** Keyed hash of a normalized value: equal values give equal indexes, nobody can reverse it without the key. */
  public String blindIndex(String normalized) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
