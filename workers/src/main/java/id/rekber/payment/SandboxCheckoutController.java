package id.rekber.payment;

import id.rekber.platform.Rupiah;
import id.rekber.payment.SandboxPaymentProvider.SandboxResult;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox provider's own checkout: a page showing the virtual account and a pay button, and a
 * JSON endpoint scripts can call. It stands in for the bank app the buyer would pay with.
 */
@RestController
class SandboxCheckoutController {
  private final SandboxPaymentProvider sandbox;
  private final PaymentRepository payments;

  SandboxCheckoutController(SandboxPaymentProvider sandbox, PaymentRepository payments) {
    this.sandbox = sandbox;
    this.payments = payments;
  }

  @GetMapping(value = "/sandbox/checkout/{orderId}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@PathVariable String orderId) {
    Map<String, Object> invoice = sandbox.invoice(orderId);
    if (invoice == null) {
      return ResponseEntity.status(404).body(html("Tagihan tidak ditemukan / Invoice not found", ""));
    }
    String order = HtmlUtils.htmlEscape(orderId);
    String body =
        "<p>Nomor Virtual Account / Virtual account number</p><p class=va>" + invoice.get("va_number") + "</p>"
            + "<p>Jumlah / Amount: <b>" + Rupiah.format(((Number) invoice.get("amount")).longValue()) + "</b></p>"
            + "<p>Status: " + invoice.get("status") + "</p>"
            + "<form method=post action='/sandbox/checkout/" + order + "/pay'>"
            + "<button type=submit>Bayar sekarang / Pay now</button></form>";
    return ResponseEntity.ok(html("Sandbox checkout " + order, body));
  }

  @PostMapping(value = "/sandbox/checkout/{orderId}/pay", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> payFromPage(@PathVariable String orderId) {
    SandboxResult result = sandbox.pay(orderId);
    String message =
        switch (result) {
          case PAID -> "Pembayaran berhasil. Dana ditahan Rekber. / Payment successful; Rekber holds the funds.";
          case ALREADY_PAID -> "Tagihan ini sudah dibayar. / This invoice is already paid.";
          case EXPIRED -> "Tagihan sudah kedaluwarsa. / This invoice has expired.";
          case UNKNOWN -> "Tagihan tidak ditemukan. / Invoice not found.";
        };
    return ResponseEntity.status(result == SandboxResult.UNKNOWN ? 404 : result == SandboxResult.EXPIRED ? 409 : 200)
        .body(html("Sandbox checkout", "<p id=result>" + message + "</p>" + backToDeal(orderId)));
  }

  @PostMapping("/sandbox/api/orders/{orderId}/pay")
  ResponseEntity<Map<String, String>> payFromScript(@PathVariable String orderId) {
    SandboxResult result = sandbox.pay(orderId);
    int status = result == SandboxResult.UNKNOWN ? 404 : result == SandboxResult.EXPIRED ? 409 : 200;
    return ResponseEntity.status(status).body(Map.of("result", result.name()));
  }

  /** Like a real provider's "finish" redirect: back to the deal the invoice belongs to. */
  private String backToDeal(String orderId) {
    return payments.findById(orderId)
        .map(p -> "<p><a id=back-to-deal href='/deals/" + HtmlUtils.htmlEscape(p.getDealId()) + "'>Kembali ke transaksi / Back to the deal</a></p>")
        .orElse("");
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=id><head><meta charset=utf-8>"
        + "<meta name=viewport content='width=device-width,initial-scale=1'><link rel=icon type=image/svg+xml href=/favicon.svg><title>" + HtmlUtils.htmlEscape(title) + "</title>"
        + "<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}"
        + ".va{font-size:1.6rem;font-weight:bold;letter-spacing:.1em}button{font-size:1.1rem;padding:.7rem 1.2rem}</style>"
        + "</head><body><h1>Sandbox</h1>" + body + "</body></html>";
  }
}
