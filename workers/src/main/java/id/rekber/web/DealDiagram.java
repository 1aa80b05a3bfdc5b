package id.rekber.web;

import id.rekber.escrow.DealService;
import id.rekber.escrow.EscrowProcess;
import id.rekber.identity.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escrow-lifecycle BPMN for the deal page's diagram, from the same model location ModelDeployer
 * deploys from, for the deal's parties only.
 */
@RestController
class DealDiagram {
  private final DealService deals;
  private final CurrentUser currentUser;
  private final ResourceLoader resources;
  private final String location;
  private volatile byte[] xml;

  DealDiagram(DealService deals, CurrentUser currentUser, ResourceLoader resources,
      @Value("${rekber.models.location:classpath:models/}") String location) {
    this.deals = deals;
    this.currentUser = currentUser;
    this.resources = resources;
    this.location = location;
  }

  @GetMapping("/deals/{id}/diagram.bpmn")
  ResponseEntity<byte[]> diagram(@PathVariable String id) throws IOException {
    deals.get(currentUser.get(), id);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml());
  }

  private byte[] xml() throws IOException {
    if (xml == null) {
      try (InputStream in = resources.getResource(location + "processes/" + EscrowProcess.PROCESS_ID + ".bpmn").getInputStream()) {
        xml = in.readAllBytes();
      }
    }
    return xml;
  }
}
