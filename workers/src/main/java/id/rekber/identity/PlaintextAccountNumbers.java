package id.rekber.identity;

import id.rekber.privacy.PlaintextColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, encrypts payout account numbers stored in clear by versions before encryption. */
@Component
class PlaintextAccountNumbers {
  private static final Logger log = LoggerFactory.getLogger(PlaintextAccountNumbers.class);

  private final PlaintextColumns columns;

  PlaintextAccountNumbers(PlaintextColumns columns) {
    this.columns = columns;
  }

  @EventListener(ApplicationReadyEvent.class)
  void encrypt() {
    int count = columns.encrypt("app_user", "id", "bank_account_number");
    if (count > 0) {
      log.info("Encrypted {} payout account numbers stored in clear", count);
    }
  }
}
