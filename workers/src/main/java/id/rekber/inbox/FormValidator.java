package id.rekber.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks submitted variables against the rules of a Camunda Form (required, minLength, maxLength,
 * select values), so the server enforces what the form shows. Returns field → message code.
 */
@Component
public class FormValidator {
  private final ObjectMapper json;

  FormValidator(ObjectMapper json) {
    this.json = json;
  }

  public Map<String, String> validate(String schema, Map<String, Object> submitted) {
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      visit(json.readTree(schema), submitted, errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private void visit(JsonNode node, Map<String, Object> submitted, Map<String, String> errors) {
    for (JsonNode component : node.path("components")) {
      visit(component, submitted, errors);
      String key = component.path("key").asText(null);
      if (key == null || component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode rules = component.path("validate");
      Object value = submitted.get(key);
      String text = value == null ? "" : value.toString().trim();
      if (rules.path("required").asBoolean(false) && text.isEmpty()) {
        errors.put(key, "form.required");
      } else if (!text.isEmpty() && rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
        errors.put(key, "form.too-short");
      } else if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
        errors.put(key, "form.too-long");
      } else if (!text.isEmpty() && component.has("values") && !allowed(component.get("values"), text)) {
        errors.put(key, "form.not-an-option");
      }
    }
  }

  private static boolean allowed(JsonNode values, String text) {
    for (JsonNode option : values) {
      if (text.equals(option.path("value").asText())) {
        return true;
      }
    }
    return false;
  }
}
