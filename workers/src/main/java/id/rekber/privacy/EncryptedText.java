package id.rekber.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** JPA converter for personal data kept in text columns (payout account numbers and destinations). */
@Component
@Converter
public class EncryptedText implements AttributeConverter<String, String> {
  private final PersonalDataCipher cipher;

  EncryptedText(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return cipher.encryptText(attribute);
  }

  @Override
  public String convertToEntityAttribute(String dbData) {
    return cipher.decryptText(dbData);
  }
}
