package id.rekber.payment.sandbox;

import id.rekber.platform.PaymentSandbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Switches the sandbox provider's faults (see {@link SandboxFaults}). */
@RestController
@PaymentSandbox
class SandboxFaultController {
  private final SandboxFaults faults;

  SandboxFaultController(SandboxFaults faults) {
    this.faults = faults;
  }

  @GetMapping("/sandbox/api/faults")
  SandboxFaults.State get() {
    return faults.state();
  }

  @PutMapping("/sandbox/api/faults")
  SandboxFaults.State set(@RequestBody Settings settings) {
    return faults.set(settings.down(), settings.latencyMillis(), settings.holdCallbacks());
  }

  record Settings(boolean down, long latencyMillis, boolean holdCallbacks) {}
}
