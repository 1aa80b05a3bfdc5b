package id.rekber.kyc;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rejected and expired submissions keep their personal data for {@code rekber.kyc.rejected-retention}
 * (default 30 days, for the member's questions and objections), then NIK, birth date, account number,
 * phone and photos are deleted. The decision record (status, reasons, masked values) stays.
 */
@Component
public class KycRetention {
  private static final Logger log = LoggerFactory.getLogger(KycRetention.class);
  private final KycSubmissionRepository submissions;
  private final KycDocumentRepository documents;
  private final KycProperties properties;
  private final Clock clock;

  KycRetention(KycSubmissionRepository submissions, KycDocumentRepository documents, KycProperties properties, Clock clock) {
    this.submissions = submissions;
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "${rekber.kyc.retention-cron:0 30 2 * * *}", zone = "Asia/Jakarta")
  @Transactional
  public int purgeExpiredPersonalData() {
    Instant now = clock.instant();
    List<KycSubmission> due = submissions.findDecidedBefore(List.of(KycStatus.REJECTED, KycStatus.EXPIRED), now.minus(properties.rejectedRetention()));
    for (KycSubmission s : due) {
      documents.deleteBySubmission(s.getId());
      s.purge(now);
    }
    if (!due.isEmpty()) {
      log.info("Deleted the personal data of {} rejected or expired KYC submissions", due.size());
    }
    return due.size();
  }
}
