package id.rekber.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.NodeList;

/** The names a set of model files define: process, element, message, form and decision ids, job types, headers, form links. */
final class ModelInventory {
  record Header(String elementId, String jobType, String key, String value) {}

  record FormLink(String elementId, String formId) {}

  final Set<String> processIds = new TreeSet<>();
  final Set<String> elementIds = new TreeSet<>();
  final Set<String> messageNames = new TreeSet<>();
  final Set<String> formIds = new TreeSet<>();
  final Set<String> decisionIds = new TreeSet<>();
  /** job type -> element ids using it (service tasks and task listeners). */
  final Map<String, Set<String>> jobTypes = new TreeMap<>();
  final List<Header> headers = new ArrayList<>();
  final List<FormLink> formLinks = new ArrayList<>();
  final Map<String, String> jobTypeOfElement = new TreeMap<>();

  /** Reads every file; a file that does not parse is left out (its draft's own parse check reports it). */
  static ModelInventory of(Map<String, String> files) {
    ModelInventory inventory = new ModelInventory();
    files.forEach((name, content) -> {
      try {
        inventory.read(name, content);
      } catch (Exception e) {
        // reported by the parse check of the draft
      }
    });
    return inventory;
  }

  private void read(String name, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (name.endsWith(".bpmn")) {
      readBpmn(Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
    } else if (name.endsWith(".dmn")) {
      var factory = DocumentBuilderFactory.newNSInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList decisions = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getElementsByTagNameNS("*", "decision");
      for (int i = 0; i < decisions.getLength(); i++) {
        decisionIds.add(((org.w3c.dom.Element) decisions.item(i)).getAttribute("id"));
      }
    } else if (name.endsWith(".form")) {
      formIds.add(new ObjectMapper().readTree(bytes).path("id").asText());
    }
  }

  private void readBpmn(BpmnModelInstance model) {
    model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
    model.getModelElementsByType(FlowElement.class).forEach(e -> elementIds.add(e.getId()));
    model.getModelElementsByType(Message.class).forEach(m -> messageNames.add(m.getName()));
    for (ZeebeFormDefinition form : model.getModelElementsByType(ZeebeFormDefinition.class)) {
      if (form.getFormId() != null) {
        formLinks.add(new FormLink(owner(form), form.getFormId()));
      }
    }
    for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      jobTypes.computeIfAbsent(task.getType(), t -> new TreeSet<>()).add(owner(task));
      jobTypeOfElement.put(owner(task), task.getType());
    }
    for (ZeebeTaskListener listener : model.getModelElementsByType(ZeebeTaskListener.class)) {
      jobTypes.computeIfAbsent(listener.getType(), t -> new TreeSet<>()).add(owner(listener));
    }
    for (ZeebeHeader header : model.getModelElementsByType(ZeebeHeader.class)) {
      headers.add(new Header(owner(header), null, header.getKey(), header.getValue()));
    }
  }

  static String owner(ModelElementInstance node) {
    while (node != null && !(node instanceof FlowElement)) {
      node = node.getParentElement();
    }
    return node == null ? "" : ((FlowElement) node).getId();
  }
}
