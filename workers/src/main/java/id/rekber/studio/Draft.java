package id.rekber.studio;

import java.time.Instant;

/** An analyst's change to one model file, from draft to approval or rejection. */
public record Draft(long id, String resourceName, String content, Long baseDefinitionKey, String author, Instant createdAt,
    Instant updatedAt, String comment, String status, String submitReason, Instant submittedAt, Long approvalInstance,
    String reviewer, Instant reviewedAt, String reviewReason, Boolean approved, Long deployedKey) {
  static final String DRAFT = "DRAFT";
  static final String SUBMITTED = "SUBMITTED";
  static final String APPROVED = "APPROVED";
  static final String REJECTED = "REJECTED";
  static final String DISCARDED = "DISCARDED";

  boolean editable() {
    return DRAFT.equals(status);
  }
}
