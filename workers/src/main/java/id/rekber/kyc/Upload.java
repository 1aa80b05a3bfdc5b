package id.rekber.kyc;

import id.rekber.platform.FileTypes;

/** An uploaded photo, its type decided by its content (magic bytes), never by its name or header. */
public record Upload(String contentType, byte[] bytes) {

  /** KYC photos are JPEG or PNG; anything else (null) is refused. */
  static String sniff(byte[] bytes) {
    return FileTypes.of(bytes).filter(type -> type.equals(FileTypes.JPEG) || type.equals(FileTypes.PNG)).orElse(null);
  }
}
