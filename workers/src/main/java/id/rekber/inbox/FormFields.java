package id.rekber.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a decider submitted through a Camunda Form: the values of the fields they fill in, without the
 * read-only and disabled fields that only show the case (deal, parties, amounts, claim). The console gets exactly
 * what the browser posted, a Tasklist completion arrives inside all process variables; both are cut
 * down to the same fields here, so both paths leave the same trail.
 */
@Component
public class FormFields {
  private final ObjectMapper json;

  FormFields(ObjectMapper json) {
    this.json = json;
  }

  /** Keys of the fields a decider fills in. */
  public Set<String> inputKeys(String schema) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      collect(json.readTree(schema), keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  public Map<String, Object> submitted(String schema, Map<String, Object> values) {
    Map<String, Object> submitted = new LinkedHashMap<>();
    for (String key : inputKeys(schema)) {
      if (values.get(key) != null) {
        submitted.put(key, values.get(key));
      }
    }
    return submitted;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      collect(component, keys);
      String key = component.path("key").asText(null);
      if (key != null && !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
        keys.add(key);
      }
    }
  }
}
