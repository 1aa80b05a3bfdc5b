package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox bank's counter: open an account so that account inquiries (KYC name check) find it. */
@RestController
@PaymentSandbox
class SandboxBankController {
  private final SandboxPaymentProvider sandbox;

  SandboxBankController(SandboxPaymentProvider sandbox) {
    this.sandbox = sandbox;
  }

  @PostMapping("/sandbox/api/bank-accounts")
  ResponseEntity<Map<String, String>> open(@RequestBody Map<String, String> account) {
    String bank = account.getOrDefault("bankCode", "").trim().toUpperCase(Locale.ROOT);
    String number = account.getOrDefault("accountNumber", "").trim();
    String holder = account.getOrDefault("holderName", "").trim();
    if (!bank.matches("[A-Z]{2,20}") || !number.matches("\\d{6,20}") || holder.isEmpty() || holder.length() > 100) {
      return ResponseEntity.badRequest().body(Map.of("result", "INVALID"));
    }
    sandbox.openAccount(bank, number, holder.toUpperCase(Locale.ROOT));
    return ResponseEntity.ok(Map.of("result", "OPENED"));
  }
}
