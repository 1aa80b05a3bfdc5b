package id.rekber.escrow;

import id.rekber.platform.ClusterOnly;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.request.SearchRequestPage;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: where the deal's instance stands, from the cluster's element-instance search
 * ({@code POST /v2/element-instances/search} by process instance key). ACTIVE elements are active,
 * COMPLETED ones done, TERMINATED ones neither, as {@link EngineDealProgress} folds them in
 * single-node mode. The search has no sequence flows; a flow counts as taken when its source is done
 * and its target was reached (done or active), read from the definition the instance runs.
 */
@Component
@ClusterOnly
class ClusterDealProgress implements DealProgress {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 20;

  private final CamundaClient client;
  private final DeployedDealDiagram diagrams;
  private final Map<Long, List<Flow>> flowsByDefinition = new ConcurrentHashMap<>();

  ClusterDealProgress(CamundaClient client, DeployedDealDiagram diagrams) {
    this.client = client;
    this.diagrams = diagrams;
  }

  record Flow(String id, String source, String target) {}

  @Override
  public Steps of(Deal deal) {
    Long instance = deal.getProcessInstanceKey();
    return instance == null ? Steps.UNKNOWN : stepsOf(instance);
  }

  Steps stepsOf(long instance) {
    Set<String> active = new LinkedHashSet<>();
    Set<String> done = new LinkedHashSet<>();
    Long definition = null;
    for (ElementInstance e : search(instance)) {
      definition = e.getProcessDefinitionKey();
      if (e.getType() == ElementInstanceType.PROCESS) {
        continue;
      }
      if (e.getState() == ElementInstanceState.ACTIVE) {
        active.add(e.getElementId());
      } else if (e.getState() == ElementInstanceState.COMPLETED) {
        done.add(e.getElementId());
      }
    }
    if (active.isEmpty() && done.isEmpty()) {
      return Steps.UNKNOWN;
    }
    if (definition != null) {
      for (Flow flow : flows(definition)) {
        if (done.contains(flow.source()) && (done.contains(flow.target()) || active.contains(flow.target()))) {
          done.add(flow.id());
        }
      }
    }
    done.removeAll(active);
    return new Steps(List.copyOf(active), List.copyOf(done));
  }

  private List<ElementInstance> search(long instance) {
    List<ElementInstance> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String after = cursor;
      SearchResponse<ElementInstance> response = client.newElementInstanceSearchRequest()
          .filter(f -> f.processInstanceKey(instance))
          .page(p -> page(p, after))
          .send().join();
      all.addAll(response.items());
      cursor = response.page() == null ? null : response.page().endCursor();
      if (response.items().size() < PAGE_SIZE || cursor == null) {
        break;
      }
    }
    return all;
  }

  private static void page(SearchRequestPage page, String cursor) {
    page.limit(PAGE_SIZE);
    if (cursor != null) {
      page.after(cursor);
    }
  }

  private List<Flow> flows(long definition) {
    List<Flow> known = flowsByDefinition.get(definition);
    if (known == null) {
      known = Bpmn.readModelFromStream(new ByteArrayInputStream(diagrams.xmlOf(definition)))
          .getModelElementsByType(SequenceFlow.class).stream()
          .map(f -> new Flow(f.getId(), f.getSource().getId(), f.getTarget().getId()))
          .toList();
      flowsByDefinition.put(definition, known);
    }
    return known;
  }
}
