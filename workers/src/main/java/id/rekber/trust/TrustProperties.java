package id.rekber.trust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rekber.trust}: the appeal window, the public check's rate limit, and how reporters whose
 * reports are dismissed as abusive are limited ({@code abusiveLimit} such dismissals within
 * {@code abusiveWithin} bar new reports for {@code abusiveBar}).
 */
@ConfigurationProperties("rekber.trust")
record TrustProperties(Duration appealWindow, int checksPerMinute, int abusiveLimit, Duration abusiveWithin, Duration abusiveBar) {
  TrustProperties {
    appealWindow = appealWindow == null ? Duration.ofDays(14) : appealWindow;
    checksPerMinute = checksPerMinute <= 0 ? 20 : checksPerMinute;
    abusiveLimit = abusiveLimit <= 0 ? 2 : abusiveLimit;
    abusiveWithin = abusiveWithin == null ? Duration.ofDays(90) : abusiveWithin;
    abusiveBar = abusiveBar == null ? Duration.ofDays(30) : abusiveBar;
  }
}
