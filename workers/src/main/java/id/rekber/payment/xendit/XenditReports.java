package id.rekber.payment.xendit;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekber.payment.ProviderReports;
import id.rekber.payment.http.ProviderCall;
import id.rekber.payment.http.ProviderResponse;
import id.rekber.payment.ProviderRefusedException;
import id.rekber.payment.http.ProviderHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Xendit's day: {@code GET /transactions} for successful payments and disbursements created that day
 * (Asia/Jakarta), paged with {@code after_id} (docs/payment-providers.md, "Reconciliation input"; the
 * fee field names and whether {@code reference_id} carries the invoice's {@code external_id} are
 * unverified). Xendit's balance API answers only "now", so no closing balance for a past day.
 */
public class XenditReports implements ProviderReports {
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final int PAGE = 50;
  private final XenditPaymentProvider provider;

  XenditReports(XenditPaymentProvider provider) {
    this.provider = provider;
  }

  @Override
  public String provider() {
    return XenditPaymentProvider.NAME;
  }

  @Override
  public List<ProviderTransaction> transactionsOn(LocalDate day) {
    String from = day.atStartOfDay(WIB).toInstant().toString();
    String to = day.plusDays(1).atStartOfDay(WIB).toInstant().minusMillis(1).toString();
    List<ProviderTransaction> lines = new ArrayList<>();
    String after = null;
    do {
      String url = provider.properties().api() + "/transactions?types=PAYMENT&types=DISBURSEMENT&statuses=SUCCESS&limit=" + PAGE
          + "&created[gte]=" + enc(from) + "&created[lte]=" + enc(to) + (after == null ? "" : "&after_id=" + enc(after));
      ProviderResponse page = provider.http().send(ProviderCall.get(XenditPaymentProvider.NAME, "report", url, provider.auth(), "xendit:" + day));
      if (!page.ok()) {
        throw new ProviderRefusedException(XenditPaymentProvider.NAME, String.valueOf(page.status()), ProviderHttp.providerMessage(page), false);
      }
      after = null;
      for (JsonNode row : page.body().path("data")) {
        line(row).ifPresent(lines::add);
        after = row.path("id").asText(null);
      }
      if (!page.body().path("has_more").asBoolean(false)) {
        after = null;
      }
    } while (after != null);
    return lines;
  }

  private static Optional<ProviderTransaction> line(JsonNode row) {
    Kind kind = switch (row.path("type").asText()) {
      case "PAYMENT" -> Kind.PAYMENT;
      case "DISBURSEMENT" -> Kind.PAYOUT;
      default -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    JsonNode fee = row.path("fee");
    long fees = fee.path("xendit_fee").asLong(0) + fee.path("value_added_tax").asLong(0);
    Instant at = Optional.ofNullable(row.path("created").asText(null)).map(Instant::parse).orElse(null);
    return Optional.of(new ProviderTransaction(kind, row.path("reference_id").asText(null), row.path("id").asText(null),
        Math.abs(row.path("amount").asLong()), fees, row.path("status").asText(null), at));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Long> closingBalance(LocalDate day) {
    return Optional.empty();
  }
}
