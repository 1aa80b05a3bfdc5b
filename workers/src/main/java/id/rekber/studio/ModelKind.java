package id.rekber.studio;

import java.util.Optional;

/** What a model file is, by its name. */
enum ModelKind {
  PROCESS(".bpmn"),
  DECISION(".dmn"),
  FORM(".form");

  private final String extension;

  ModelKind(String extension) {
    this.extension = extension;
  }

  static Optional<ModelKind> of(String resourceName) {
    for (ModelKind kind : values()) {
      if (resourceName != null && resourceName.endsWith(kind.extension) && resourceName.matches("[a-z0-9][a-z0-9-]{0,80}\\.(bpmn|dmn|form)")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
