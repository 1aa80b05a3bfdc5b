package id.rekber.kyc;

import id.rekber.privacy.PersonalDataCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A KTP photo or selfie: encrypted bytes under a random id that is never guessable. */
@Entity
@Table(name = "kyc_document")
public class KycDocument {
  public static final String KTP = "KTP";
  public static final String SELFIE = "SELFIE";

  @Id private UUID id;

  @Column(name = "submission_id")
  private UUID submissionId;

  private String kind;

  @Column(name = "content_type")
  private String contentType;

  @Column(name = "size_bytes")
  private int sizeBytes;

  @Column(name = "content_enc")
  private byte[] contentEnc;

  @Column(name = "created_at")
  private Instant createdAt;

  protected KycDocument() {}

  KycDocument(UUID submissionId, String kind, Upload upload, PersonalDataCipher cipher, Instant now) {
    this.id = UUID.randomUUID();
    this.submissionId = submissionId;
    this.kind = kind;
    this.contentType = upload.contentType();
    this.sizeBytes = upload.bytes().length;
    this.contentEnc = cipher.encrypt(upload.bytes());
    this.createdAt = now;
  }

  public UUID getId() { return id; }
  public UUID getSubmissionId() { return submissionId; }
  public String getKind() { return kind; }
  public String getContentType() { return contentType; }
  public int getSizeBytes() { return sizeBytes; }
  byte[] getContentEnc() { return contentEnc; }
}
