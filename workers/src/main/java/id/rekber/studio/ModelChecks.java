package id.rekber.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.ModelReference;
import id.rekber.platform.SingleNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The checks a draft must pass before it can be submitted (and again before it is deployed): it
 * parses, bpmnlint with CI's rules, FEEL parses, every job type has a worker in the running code,
 * everything the code names still exists once the draft replaces its file, and linked forms exist.
 */
@Component
class ModelChecks {
  private final CodeContract code;
  private final ServerLint lint;
  private final boolean singleNode;

  ModelChecks(CodeContract code, ServerLint lint, Environment environment) {
    this.code = code;
    this.lint = lint;
    this.singleNode = SingleNode.isActive(environment);
  }

  /** {@code deployed}: the newest content of every model file; the draft replaces {@code resourceName} in it. */
  List<Finding> check(String resourceName, String content, Map<String, String> deployed) {
    ModelKind kind = ModelKind.of(resourceName).orElseThrow();
    List<Finding> findings = new ArrayList<>();
    try {
      switch (kind) {
        case PROCESS -> {
          Bpmn.validateModel(Bpmn.readModelFromStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))));
          findings.addAll(lint.lint(content));
          findings.addAll(FeelCheck.bpmn(xml(content)));
        }
        case DECISION -> findings.addAll(FeelCheck.dmn(xml(content)));
        case FORM -> {
          if (new ObjectMapper().readTree(content).path("id").asText().isBlank()) {
            findings.add(Finding.error("", "parse", "form-id", "the form has no id"));
          }
        }
      }
    } catch (Exception e) {
      findings.add(Finding.error("", "parse", "parse", "the model does not parse: " + e.getMessage()));
      return findings;
    }
    Map<String, String> after = new TreeMap<>(deployed);
    after.put(resourceName, content);
    ModelInventory draft = ModelInventory.of(Map.of(resourceName, content));
    ModelInventory all = ModelInventory.of(after);
    CodeContract.Facts facts = code.facts();
    workers(draft, facts, findings);
    contract(all, facts, findings);
    draft.formLinks.stream().filter(link -> !all.formIds.contains(link.formId())).forEach(link ->
        findings.add(Finding.error(link.elementId(), "form", "linked-form", "linked form '" + link.formId() + "' is not deployed")));
    return findings;
  }

  private void workers(ModelInventory draft, CodeContract.Facts facts, List<Finding> findings) {
    draft.jobTypes.forEach((type, elements) -> {
      // In single-node mode user tasks are job-worker tasks and task listeners are stripped (UserTaskConverter).
      boolean listener = type.startsWith("rekber-task-");
      if (CodeContract.USER_TASK.equals(type) || (listener && singleNode) || facts.jobTypes().containsKey(type)) {
        return;
      }
      elements.forEach(e -> findings.add(Finding.error(e, "worker", "job-type", "no worker handles job type '" + type + "'")));
    });
  }

  private static void contract(ModelInventory all, CodeContract.Facts facts, List<Finding> findings) {
    for (CodeContract.Reference ref : facts.references()) {
      Set<String> known = switch (ref.kind()) {
        case PROCESS -> all.processIds;
        case ELEMENT -> all.elementIds;
        case MESSAGE -> all.messageNames;
        case FORM -> all.formIds;
        case DECISION -> all.decisionIds;
      };
      if (!known.contains(ref.value())) {
        findings.add(Finding.error(ref.value(), "contract", kindName(ref.kind()),
            ref.where() + " needs " + kindName(ref.kind()) + " '" + ref.value() + "', which would no longer exist"));
      }
    }
    facts.elementLiterals().forEach((id, classes) -> {
      if (!all.elementIds.contains(id)) {
        findings.add(Finding.error(id, "contract", "element", String.join(", ", classes) + " needs element '" + id + "', which would no longer exist"));
      }
    });
    facts.headerValues().forEach((typeAndKey, values) -> {
      String type = typeAndKey.substring(0, typeAndKey.indexOf('/'));
      String key = typeAndKey.substring(typeAndKey.indexOf('/') + 1);
      all.jobTypeOfElement.forEach((element, jobType) -> {
        if (!jobType.equals(type)) {
          return;
        }
        var header = all.headers.stream().filter(h -> h.elementId().equals(element) && h.key().equals(key)).findFirst();
        if (header.isEmpty()) {
          findings.add(Finding.error(element, "contract", "header", "a '" + type + "' task needs the header '" + key + "'"));
        } else if (!values.contains(header.get().value())) {
          findings.add(Finding.error(element, "contract", "header", "header " + key + "='" + header.get().value()
              + "' is not one the '" + type + "' worker understands " + values));
        }
      });
    });
  }

  private static String kindName(ModelReference.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Document xml(String content) throws Exception {
    var factory = DocumentBuilderFactory.newNSInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }
}
