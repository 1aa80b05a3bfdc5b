package id.rekber.escrow;

import id.rekber.identity.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service deal's milestones over the API (decision 43). */
@RestController
@RequestMapping("/api/deals/{id}/milestones")
class MilestoneController {
  private final MilestoneCommands milestones;
  private final CurrentUser currentUser;

  MilestoneController(MilestoneCommands milestones, CurrentUser currentUser) {
    this.milestones = milestones;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<MilestoneView> list(@PathVariable String id) {
    return milestones.list(currentUser.get(), id);
  }

  @PostMapping("/{seq}/deliver")
  ResponseEntity<List<MilestoneView>> deliver(@PathVariable String id, @PathVariable int seq) {
    milestones.deliver(currentUser.get(), id, seq);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(milestones.list(currentUser.get(), id));
  }

  @PostMapping("/{seq}/accept")
  ResponseEntity<List<MilestoneView>> accept(@PathVariable String id, @PathVariable int seq) {
    milestones.accept(currentUser.get(), id, seq);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(milestones.list(currentUser.get(), id));
  }
}
