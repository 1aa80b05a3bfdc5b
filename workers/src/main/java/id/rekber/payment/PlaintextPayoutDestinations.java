package id.rekber.payment;

import id.rekber.privacy.PlaintextColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start-up, encrypts payout destinations stored in clear by versions before encryption. */
@Component
class PlaintextPayoutDestinations {
  private static final Logger log = LoggerFactory.getLogger(PlaintextPayoutDestinations.class);

  private final PlaintextColumns columns;

  PlaintextPayoutDestinations(PlaintextColumns columns) {
    this.columns = columns;
  }

  @EventListener(ApplicationReadyEvent.class)
  void encrypt() {
    int count = columns.encrypt("payout", "id", "destination");
    if (count > 0) {
      log.info("Encrypted {} payout destinations stored in clear", count);
    }
  }
}
