package id.rekber.escrow;

import id.rekber.platform.SingleNodeOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Single-node mode: the escrow-lifecycle BPMN from the model location ModelDeployer deploys from.
 * The embedded engine is rebuilt from these files at every start, so every deal runs this version.
 */
@Component
@SingleNodeOnly
class BundledDealDiagram implements DealDiagramSource {
  private final ResourceLoader resources;
  private final String location;
  private volatile byte[] xml;

  BundledDealDiagram(ResourceLoader resources, @Value("${rekber.models.location:classpath:models/}") String location) {
    this.resources = resources;
    this.location = location;
  }

  @Override
  public byte[] xml(Deal deal) {
    return current();
  }

  byte[] current() {
    if (xml == null) {
      try (InputStream in = resources.getResource(location + "processes/" + EscrowProcess.PROCESS_ID + ".bpmn").getInputStream()) {
        xml = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return xml;
  }
}
