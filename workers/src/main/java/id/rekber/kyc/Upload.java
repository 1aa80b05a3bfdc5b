package id.rekber.kyc;

/** An uploaded photo, its type decided by its content (magic bytes), never by its name or header. */
public record Upload(String contentType, byte[] bytes) {
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  /** JPEG starts FF D8 FF, PNG with its 8-byte signature; anything else is refused. */
  static String sniff(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
      return JPEG;
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.length >= png.length) {
      for (int i = 0; i < png.length; i++) {
        if (bytes[i] != png[i]) {
          return null;
        }
      }
      return PNG;
    }
    return null;
  }
}
