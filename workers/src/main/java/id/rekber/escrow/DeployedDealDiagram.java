package id.rekber.escrow;

import id.rekber.platform.ClusterOnly;
import id.rekber.platform.EngineProblem;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: the XML of the process definition the deal's instance runs, read from the cluster
 * ({@code GET /v2/process-instances/{key}} for its definition key, then
 * {@code GET /v2/process-definitions/{key}/xml}). A deployed version never changes, so the XML is
 * kept per definition key. Before the deal has an instance, or while the search index has not yet
 * seen it, the bundled (newest) file is shown.
 */
@Component
@ClusterOnly
class DeployedDealDiagram implements DealDiagramSource {
  private static final int KEEP = 1_000;

  private final CamundaClient client;
  private final BundledDealDiagram bundled;
  private final Map<Long, byte[]> xmlByDefinition = Collections.synchronizedMap(lru());
  private final Map<Long, Long> definitionByInstance = Collections.synchronizedMap(lru());

  DeployedDealDiagram(CamundaClient client, ResourceLoader resources,
      @Value("${rekber.models.location:classpath:models/}") String location) {
    this.client = client;
    this.bundled = new BundledDealDiagram(resources, location);
  }

  @Override
  public byte[] xml(Deal deal) {
    return xmlOfInstance(deal.getProcessInstanceKey());
  }

  byte[] xmlOfInstance(Long instance) {
    if (instance == null) {
      return bundled.current();
    }
    return definitionOf(instance).map(this::xmlOf).orElseGet(bundled::current);
  }

  /** The definition key of the instance, or empty while the index has not seen the instance. */
  Optional<Long> definitionOf(long instance) {
    Long known = definitionByInstance.get(instance);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      Long definition = client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey();
      definitionByInstance.put(instance, definition);
      return Optional.of(definition);
    } catch (RuntimeException e) {
      if (EngineProblem.of(e).filter(p -> p.status() == 404).isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  byte[] xmlOf(long definition) {
    byte[] known = xmlByDefinition.get(definition);
    if (known == null) {
      // Fetched outside the map's lock: two first readers may both fetch; both get the same XML.
      known = client.newProcessDefinitionGetXmlRequest(definition).send().join().getBytes(StandardCharsets.UTF_8);
      xmlByDefinition.put(definition, known);
    }
    return known;
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > KEEP;
      }
    };
  }
}
