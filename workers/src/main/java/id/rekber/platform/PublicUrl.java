package id.rekber.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The address members reach Rekber at, for links in mails and share messages. */
@Component
public class PublicUrl {
  private final String base;

  PublicUrl(@Value("${rekber.escrow.public-url:http://localhost:8080}") String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** {@code path} must start with a slash, e.g. {@code /kyc}. */
  public String of(String path) {
    return base + path;
  }

  /**
   * The staff console's page for the case behind a process instance ({@code /staff/cases/{key}}, which
   * sends staff to the task page with the case panel); Tasklist forms link to it.
   */
  public String staffCase(long processInstanceKey) {
    return of("/staff/cases/" + processInstanceKey);
  }

  /** A dispute's case in the staff console by its deal ({@code /staff/cases/dispute/{dealId}}). */
  public String staffDisputeCase(String dealId) {
    return of("/staff/cases/dispute/" + dealId);
  }
}
