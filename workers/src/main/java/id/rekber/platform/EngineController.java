package id.rekber.platform;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Single-node mode, admins only ({@code /api/admin/**}): the embedded engine's log size and
 * generation, and a rebase on request (e.g. before a busy day). The soak benchmark reads the status.
 */
@RestController
@SingleNodeOnly
class EngineController {
  static final String PATH = "/api/admin/engine";

  private final EngineRebase rebase;

  EngineController(EngineRebase rebase) {
    this.rebase = rebase;
  }

  @GetMapping(PATH)
  Map<String, Object> status() {
    return rebase.status();
  }

  @PostMapping(PATH + "/rebase")
  Map<String, Object> rebase() {
    return rebase.rebase("asked for by an admin");
  }
}
