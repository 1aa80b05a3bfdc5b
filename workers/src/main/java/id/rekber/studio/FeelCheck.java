package id.rekber.studio;

import java.util.ArrayList;
import java.util.List;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses every FEEL expression of a BPMN or DMN model with the engine's FEEL parser: in BPMN every
 * attribute or text starting with {@code =}; in DMN the input entries as unary tests and the input
 * expressions, output entries and literal expressions as expressions.
 */
final class FeelCheck {
  private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

  private FeelCheck() {}

  static List<Finding> bpmn(Document model) {
    List<Finding> findings = new ArrayList<>();
    walk(model.getDocumentElement(), findings);
    return findings;
  }

  private static void walk(Element element, List<Finding> findings) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      String value = ((Attr) attributes.item(i)).getValue();
      if (value.startsWith("=")) {
        expression(value.substring(1), element, findings);
      }
    }
    NodeList children = element.getChildNodes();
    boolean hasElements = false;
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        hasElements = true;
        walk(child, findings);
      }
    }
    String text = element.getTextContent().trim();
    if (!hasElements && text.startsWith("=")) {
      expression(text.substring(1), element, findings);
    }
  }

  static List<Finding> dmn(Document model) {
    List<Finding> findings = new ArrayList<>();
    NodeList texts = model.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element text = (Element) texts.item(i);
      String parent = text.getParentNode().getLocalName();
      String value = text.getTextContent().trim();
      if ("inputEntry".equals(parent)) {
        if (!value.isEmpty() && !"-".equals(value)) {
          reportOn(FEEL.parseUnaryTests(value), value, ruleOrOwnerId(text), findings);
        }
      } else if (!value.isEmpty() && ("outputEntry".equals(parent) || "inputExpression".equals(parent) || "literalExpression".equals(parent))) {
        reportOn(FEEL.parseExpression(value), value, ruleOrOwnerId(text), findings);
      }
    }
    return findings;
  }

  private static void expression(String expression, Element where, List<Finding> findings) {
    report(FEEL.parseExpression(expression), expression, where, findings);
  }

  private static void report(ParseResult result, String expression, Element where, List<Finding> findings) {
    reportOn(result, expression, ownerId(where), findings);
  }

  private static void reportOn(ParseResult result, String expression, String elementId, List<Finding> findings) {
    if (result.isFailure()) {
      findings.add(Finding.error(elementId, "feel", "feel-parse", "FEEL '" + expression + "': " + result.failure().message()));
    }
  }

  /** A decision table cell is reported on its rule (the row the editor marks), else on the nearest id. */
  private static String ruleOrOwnerId(Element where) {
    for (Node node = where; node instanceof Element element; node = element.getParentNode()) {
      if ("rule".equals(element.getLocalName())) {
        return element.getAttribute("id");
      }
    }
    return ownerId(where);
  }

  /** The nearest enclosing element with an id (a task, a rule). */
  private static String ownerId(Node node) {
    while (node instanceof Element element) {
      if (!element.getAttribute("id").isEmpty()) {
        return element.getAttribute("id");
      }
      node = element.getParentNode();
    }
    return "";
  }
}
