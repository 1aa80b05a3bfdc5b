package id.rekber.platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** What was deployed at start-up: forms by key and id, and the names of BPMN elements. */
@Component
public class DeployedModels {
  private final Map<String, Form> formsByKey = new ConcurrentHashMap<>();
  private final Map<String, Form> formsById = new ConcurrentHashMap<>();
  private final Map<String, String> elementNames = new ConcurrentHashMap<>();

  void registerForm(String formKey, String formId, String schema) {
    Form form = new Form(formKey, formId, schema);
    formsByKey.put(formKey, form);
    formsById.put(formId, form);
  }

  void registerElementName(String processId, String elementId, String name) {
    elementNames.put(processId + "/" + elementId, name);
  }

  public Optional<Form> formByKey(String formKey) {
    return Optional.ofNullable(formKey).map(formsByKey::get);
  }

  public Optional<Form> formById(String formId) {
    return Optional.ofNullable(formId).map(formsById::get);
  }

  public Optional<String> elementName(String processId, String elementId) {
    return Optional.ofNullable(elementNames.get(processId + "/" + elementId));
  }

  public record Form(String key, String id, String schema) {}
}
