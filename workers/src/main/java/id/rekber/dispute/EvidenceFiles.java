package id.rekber.dispute;

import id.rekber.platform.FileTypes;
import java.util.Optional;

/** Evidence may be a JPEG, PNG, WebP or PDF, judged by its content (see {@link FileTypes}). */
final class EvidenceFiles {
  /** 5 MiB: a phone photo or a scanned receipt fits; the database stays small. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private EvidenceFiles() {}

  static Optional<String> contentType(byte[] content) {
    return FileTypes.of(content);
  }
}
