package id.rekber.kyc;

import id.rekber.identity.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins keep the fraud blocklist (the admin role is required for /api/admin/** by the security chain). */
@RestController
class BlocklistController {
  private final Blocklist blocklist;
  private final CurrentUser currentUser;
  private final BlocklistRemoval removal;

  BlocklistController(Blocklist blocklist, CurrentUser currentUser, BlocklistRemoval removal) {
    this.blocklist = blocklist;
    this.removal = removal;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/admin/blocklist")
  List<Blocklist.Entry> all() {
    return blocklist.all();
  }

  /** {@code {"kind":"BANK_ACCOUNT","bankCode":"BCA","value":"1234567890","reason":"…"}} or kind PHONE. */
  @PostMapping("/api/admin/blocklist")
  ResponseEntity<Blocklist.Entry> add(@RequestBody Map<String, String> body) {
    Blocklist.Entry entry =
        blocklist.add(body.get("kind"), body.get("bankCode"), body.get("value"), body.get("reason"), currentUser.get().getEmail());
    return ResponseEntity.status(201).body(entry);
  }

  /**
   * Asks for the entry's removal ({@code {"reason":"…"}}): a second admin approves it in the inbox
   * (four eyes), and only then is it removed. 202: the request is under way.
   */
  @DeleteMapping("/api/admin/blocklist/{id}")
  ResponseEntity<Void> remove(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
    removal.request(id, currentUser.get().getEmail(), body == null ? null : body.get("reason"));
    return ResponseEntity.accepted().build();
  }
}
