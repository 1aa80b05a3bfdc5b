package id.rekber.web;

import id.rekber.escrow.Deal;
import id.rekber.escrow.DealDiagramSource;
import id.rekber.escrow.DealService;
import id.rekber.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escrow-lifecycle BPMN for the deal page's diagram, in the version the deal's instance runs
 * ({@link DealDiagramSource}), for the deal's parties only.
 */
@RestController
class DealDiagram {
  private final DealService deals;
  private final CurrentUser currentUser;
  private final DealDiagramSource diagrams;

  DealDiagram(DealService deals, CurrentUser currentUser, DealDiagramSource diagrams) {
    this.deals = deals;
    this.currentUser = currentUser;
    this.diagrams = diagrams;
  }

  @GetMapping("/deals/{id}/diagram.bpmn")
  ResponseEntity<byte[]> diagram(@PathVariable String id) {
    Deal deal = deals.get(currentUser.get(), id);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(diagrams.xml(deal));
  }
}
