package id.rekber.trust;

import id.rekber.platform.FileTypes;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Refusal;
import java.util.List;
import java.util.Map;

/**
 * Evidence files of a report or an appeal: the same checks as dispute evidence (JPEG, PNG, WebP or
 * PDF judged by content through {@link FileTypes}, at most 5 MiB each), at most five files.
 */
final class Evidence {
  static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_FILES = 5;

  private Evidence() {}

  record Upload(String fileName, byte[] content) {}

  record Checked(String fileName, String contentType, byte[] content) {}

  static List<Checked> check(List<Upload> uploads) {
    List<Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
    if (files.isEmpty()) {
      throw new FormInvalidException(Map.of("files", "fraud.evidence.required"));
    }
    if (files.size() > MAX_FILES) {
      throw Refusal.invalid("fraud.evidence.too-many", MAX_FILES);
    }
    return files.stream().map(Evidence::checked).toList();
  }

  private static Checked checked(Upload u) {
    if (u.content().length > MAX_BYTES) {
      throw Refusal.tooLarge("dispute.file-too-large", MAX_BYTES / (1024 * 1024));
    }
    String type = FileTypes.of(u.content()).orElseThrow(() -> Refusal.unsupportedType("dispute.file-type"));
    String name = u.fileName() == null || u.fileName().isBlank() ? "file" : u.fileName().replaceAll("[^\\w.\\- ]", "_");
    return new Checked(name.length() > 200 ? name.substring(0, 200) : name, type, u.content());
  }
}
