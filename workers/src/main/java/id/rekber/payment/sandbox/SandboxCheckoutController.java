package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import id.rekber.payment.PaymentRepository;
import id.rekber.payment.Payment;
import id.rekber.payment.sandbox.SandboxPaymentProvider.SandboxResult;
import id.rekber.platform.Rupiah;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sandbox provider's own checkout: a page showing the virtual account and a pay button
 * (templates/sandbox/checkout.html, in the browser's language), and a JSON endpoint scripts can
 * call. It stands in for the bank app the buyer would pay with.
 */
@Controller
@PaymentSandbox
class SandboxCheckoutController {
  private static final String VIEW = "sandbox/checkout";

  private final SandboxPaymentProvider sandbox;
  private final PaymentRepository payments;

  SandboxCheckoutController(SandboxPaymentProvider sandbox, PaymentRepository payments) {
    this.sandbox = sandbox;
    this.payments = payments;
  }

  @GetMapping("/sandbox/checkout/{orderId}")
  ModelAndView page(@PathVariable String orderId) {
    Map<String, Object> invoice = sandbox.invoice(orderId);
    if (invoice == null) {
      return result(orderId, SandboxResult.UNKNOWN);
    }
    ModelAndView page = new ModelAndView(VIEW, HttpStatus.OK);
    page.addObject("orderId", orderId);
    page.addObject("invoice", invoice);
    page.addObject("amount", Rupiah.of(((Number) invoice.get("amount")).longValue()));
    return page;
  }

  @PostMapping("/sandbox/checkout/{orderId}/pay")
  ModelAndView payFromPage(@PathVariable String orderId) {
    return result(orderId, sandbox.pay(orderId));
  }

  @PostMapping("/sandbox/api/orders/{orderId}/pay")
  @ResponseBody
  ResponseEntity<Map<String, String>> payFromScript(@PathVariable String orderId) {
    SandboxResult result = sandbox.pay(orderId);
    return ResponseEntity.status(status(result)).body(Map.of("result", result.name()));
  }

  /** The outcome and, like a real provider's "finish" redirect, a link back to the deal the invoice belongs to. */
  private ModelAndView result(String orderId, SandboxResult result) {
    ModelAndView page = new ModelAndView(VIEW, status(result));
    page.addObject("orderId", orderId);
    page.addObject("result", result.name());
    page.addObject("dealId", payments.findById(orderId).map(Payment::getDealId).orElse(null));
    return page;
  }

  private static HttpStatus status(SandboxResult result) {
    return switch (result) {
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case EXPIRED -> HttpStatus.CONFLICT;
      case PAID, ALREADY_PAID -> HttpStatus.OK;
    };
  }
}
