package id.rekber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.dispute.DisputeStage;
import id.rekber.escrow.DealStep;
import id.rekber.platform.ModelReference;
import id.rekber.support.ProcessHarness;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.w3c.dom.NodeList;

/**
 * The models (top-level {@code processes/}, {@code forms/}) and the compiled code agree. Nothing here
 * lists names: the code side is read from the classes under {@code id.rekber} in
 * {@code target/classes} ({@code @JobWorker} types, {@code @ModelReference} constants, string literals
 * shaped like element ids, the header enums), the model side from the files. No Spring context.
 *
 * <p>Set {@code -Drekber.models.dir=/some/copy} to check a copy of the models instead.
 */
class ModelContractTest {
  /** String literals in code that look like BPMN element ids (e.g. in the recovery start-before tables). */
  static final Pattern ELEMENT_ID = Pattern.compile("(Task|Gateway|Event|EndEvent|StartEvent|Script)_[A-Z][A-Za-z0-9]*");

  static Models models;
  static Code code;

  @BeforeAll
  static void read() throws Exception {
    String dir = System.getProperty("rekber.models.dir");
    models = Models.read(dir == null ? ProcessHarness.modelsRoot() : Path.of(dir));
    code = Code.read();
  }

  // ------------------------------------------------------------------ code -> models

  @Test
  void everyJobTypeAWorkerHandlesIsInAModel() {
    Set<String> types = new TreeSet<>(code.jobTypes.keySet());
    // The engine's own job type for (job-worker) user tasks: valid as long as the models have user tasks.
    if (types.remove(ProcessHarness.USER_TASK)) {
      assertThat(models.userTasks).as("user tasks for %s", code.jobTypes.get(ProcessHarness.USER_TASK)).isNotEmpty();
    }
    assertThat(types).as("@JobWorker types (worker -> model)").isNotEmpty()
        .allSatisfy(type -> assertThat(models.jobTypes).as("job type %s of %s", type, code.jobTypes.get(type)).contains(type));
  }

  @Test
  void everyReferencedProcessElementMessageFormAndDecisionExists() {
    assertThat(code.references).as("@ModelReference constants").isNotEmpty();
    List<String> missing = new ArrayList<>();
    code.references.forEach((where, ref) -> {
      Set<String> known = switch (ref.kind()) {
        case PROCESS -> models.processIds;
        case ELEMENT -> models.elementIds;
        case MESSAGE -> models.messageNames;
        case FORM -> models.formIds;
        case DECISION -> models.decisionIds;
      };
      if (!known.contains(ref.value())) {
        missing.add(where + " = \"" + ref.value() + "\" (" + ref.kind() + ")");
      }
    });
    assertThat(missing).as("names in code that no model has").isEmpty();
  }

  @Test
  void everyElementIdLiteralInCodeExists() {
    List<String> missing = code.elementLiterals.entrySet().stream()
        .filter(e -> !models.elementIds.contains(e.getKey()))
        .map(e -> "\"" + e.getKey() + "\" in " + e.getValue()).toList();
    assertThat(code.elementLiterals).as("element-id literals found in the classes").isNotEmpty();
    assertThat(missing).as("element ids in code that no model has").isEmpty();
  }

  @Test
  void everyDisputeStageWithAWindowIsEnteredByTheModel() {
    Set<String> stagesInCode = Arrays.stream(DisputeStage.values()).filter(s -> s.window() != null).map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(models.headerValues("dispute-stage", "stage")).as("stage headers of dispute-stage tasks").containsAll(stagesInCode);
  }

  // ------------------------------------------------------------------ models -> code

  @Test
  void everyServiceTaskJobTypeHasAWorker() {
    Set<String> unhandled = new TreeSet<>(models.jobTypes);
    unhandled.removeAll(code.jobTypes.keySet());
    unhandled.remove(ProcessHarness.USER_TASK); // the engine's job type for user tasks, not ours
    assertThat(unhandled).as("job types in the models that no @JobWorker handles").isEmpty();
  }

  @Test
  void everyMessageAModelWaitsForIsPublishedByCode() {
    Set<String> published = code.references.values().stream().filter(r -> r.kind() == ModelReference.Kind.MESSAGE)
        .map(Ref::value).collect(Collectors.toSet());
    assertThat(published).as("message names declared in code").containsAll(models.messageNames);
  }

  @Test
  void taskHeaderValuesAreOnesTheWorkersUnderstand() {
    Set<String> steps = Arrays.stream(DealStep.values()).map(Enum::name).collect(Collectors.toSet());
    Set<String> stages = Arrays.stream(DisputeStage.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(models.tasksWithout("deal-status", "status")).as("deal-status tasks without a status header").isEmpty();
    assertThat(models.tasksWithout("dispute-stage", "stage")).as("dispute-stage tasks without a stage header").isEmpty();
    assertThat(steps).as("DealStep values (deal-status header 'status')").containsAll(models.headerValues("deal-status", "status"));
    assertThat(stages).as("DisputeStage values (dispute-stage header 'stage')").containsAll(models.headerValues("dispute-stage", "stage"));
  }

  /**
   * Tasklist must obey the console's rules (decision 28): every Camunda user task reports creating,
   * assigning, completing and canceling to Rekber's listener workers.
   */
  @Test
  void everyUserTaskHasTheFourRekberTaskListeners() {
    Map<String, String> expected = new TreeMap<>(Map.of("creating", "rekber-task-creating", "assigning", "rekber-task-assigning",
        "completing", "rekber-task-completing", "canceling", "rekber-task-canceling"));
    assertThat(models.userTasks).isNotEmpty();
    assertThat(models.taskListeners.keySet()).as("user tasks with listeners").containsExactlyInAnyOrderElementsOf(models.userTasks);
    models.taskListeners.forEach((task, listeners) -> assertThat(listeners).as("task listeners of %s", task).isEqualTo(expected));
  }

  @Test
  void everyLinkedFormIsDeployedWithTheModels() {
    assertThat(models.formIds).as("form ids in forms/").containsAll(models.linkedFormIds);
  }

  /** Decision 26: a running instance keeps the called processes, forms and decisions it started with. */
  @Test
  void everyModelHasAVersionTagAndEveryLinkIsBoundPerDeployment() throws Exception {
    List<String> problems = new ArrayList<>();
    String dir = System.getProperty("rekber.models.dir");
    try (var files = Files.list((dir == null ? ProcessHarness.modelsRoot() : Path.of(dir)).resolve("processes"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn")) {
          BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
          for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getSingleExtensionElement(ZeebeVersionTag.class) == null) {
              problems.add(name + ": process " + process.getId() + " has no zeebe:versionTag");
            }
          }
          model.getModelElementsByType(ZeebeCalledElement.class).stream().filter(c -> c.getBindingType() != ZeebeBindingType.deployment)
              .forEach(c -> problems.add(name + ": call activity " + Models.owner(c).getId() + " not bound per deployment"));
          model.getModelElementsByType(ZeebeFormDefinition.class).stream()
              .filter(f -> f.getFormId() != null && f.getBindingType() != ZeebeBindingType.deployment)
              .forEach(f -> problems.add(name + ": form of " + Models.owner(f).getId() + " not bound per deployment"));
          model.getModelElementsByType(ZeebeCalledDecision.class).stream().filter(d -> d.getBindingType() != ZeebeBindingType.deployment)
              .forEach(d -> problems.add(name + ": decision of " + Models.owner(d).getId() + " not bound per deployment"));
        } else if (name.endsWith(".dmn")) {
          NodeList decisions = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(file.toFile())
              .getElementsByTagNameNS("*", "decision");
          for (int i = 0; i < decisions.getLength(); i++) {
            var decision = (org.w3c.dom.Element) decisions.item(i);
            if (decision.getElementsByTagNameNS("http://camunda.org/schema/zeebe/1.0", "versionTag").getLength() == 0) {
              problems.add(name + ": decision " + decision.getAttribute("id") + " has no zeebe:versionTag");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  // ------------------------------------------------------------------ reading the models

  record Header(String elementId, String jobType, String key, String value) {}

  record Models(Set<String> processIds, Set<String> elementIds, Set<String> messageNames, Set<String> jobTypes,
      List<Header> headers, Map<String, String> jobTypeOfElement, Set<String> linkedFormIds, Set<String> formIds,
      Set<String> decisionIds, Set<String> userTasks, Map<String, Map<String, String>> taskListeners) {

    static Models read(Path root) throws Exception {
      Models m = new Models(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new ArrayList<>(),
          new TreeMap<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
      try (var files = Files.list(root.resolve("processes"))) {
        for (Path file : files.sorted().toList()) {
          if (file.toString().endsWith(".bpmn")) {
            m.readBpmn(Bpmn.readModelFromFile(file.toFile()));
          } else if (file.toString().endsWith(".dmn")) {
            NodeList decisions = DocumentBuilderFactory.newNSInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagNameNS("*", "decision");
            for (int i = 0; i < decisions.getLength(); i++) {
              m.decisionIds.add(decisions.item(i).getAttributes().getNamedItem("id").getNodeValue());
            }
          }
        }
      }
      try (var files = Files.list(root.resolve("forms"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
          m.formIds.add(new ObjectMapper().readTree(file.toFile()).path("id").asText());
        }
      }
      return m;
    }

    private void readBpmn(BpmnModelInstance model) {
      model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
      model.getModelElementsByType(FlowElement.class).forEach(e -> elementIds.add(e.getId()));
      model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.UserTask.class).forEach(t -> userTasks.add(t.getId()));
      model.getModelElementsByType(Message.class).forEach(msg -> messageNames.add(msg.getName()));
      model.getModelElementsByType(ZeebeFormDefinition.class).forEach(f -> {
        if (f.getFormId() != null) {
          linkedFormIds.add(f.getFormId());
        }
      });
      for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
        jobTypes.add(task.getType());
        jobTypeOfElement.put(owner(task).getId(), task.getType());
      }
      for (ZeebeTaskListener listener : model.getModelElementsByType(ZeebeTaskListener.class)) {
        jobTypes.add(listener.getType());
        taskListeners.computeIfAbsent(owner(listener).getId(), k -> new TreeMap<>()).put(listener.getEventType().name(), listener.getType());
      }
      for (ZeebeHeader header : model.getModelElementsByType(ZeebeHeader.class)) {
        String element = owner(header).getId();
        headers.add(new Header(element, null, header.getKey(), header.getValue()));
      }
    }

    private static BaseElement owner(org.camunda.bpm.model.xml.instance.ModelElementInstance node) {
      while (!(node instanceof FlowElement)) {
        node = node.getParentElement();
      }
      return (BaseElement) node;
    }

    Set<String> headerValues(String jobType, String key) {
      return headers.stream().filter(h -> jobType.equals(jobTypeOfElement.get(h.elementId())) && h.key().equals(key))
          .map(Header::value).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> tasksWithout(String jobType, String key) {
      Set<String> tasks = jobTypeOfElement.entrySet().stream().filter(e -> e.getValue().equals(jobType)).map(Map.Entry::getKey)
          .collect(Collectors.toCollection(TreeSet::new));
      headers.stream().filter(h -> h.key().equals(key)).forEach(h -> tasks.remove(h.elementId()));
      return tasks;
    }
  }

  // ------------------------------------------------------------------ reading the code

  record Ref(ModelReference.Kind kind, String value) {}

  record Code(Map<String, String> jobTypes, Map<String, Ref> references, Map<String, Set<String>> elementLiterals) {
    static Code read() throws Exception {
      Code c = new Code(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
      var resolver = new PathMatchingResourcePatternResolver();
      var metadata = new SimpleMetadataReaderFactory(resolver);
      int classes = 0;
      for (Resource resource : resolver.getResources("classpath*:id/rekber/**/*.class")) {
        if (resource.getURL().toString().contains("/test-classes/")) {
          continue; // only production code
        }
        classes++;
        MetadataReader reader = metadata.getMetadataReader(resource);
        String className = reader.getClassMetadata().getClassName();
        for (MethodMetadata method : reader.getAnnotationMetadata().getAnnotatedMethods(JobWorker.class.getName())) {
          Map<String, Object> attributes = method.getAnnotationAttributes(JobWorker.class.getName());
          c.jobTypes.put((String) attributes.get("type"), className + "#" + method.getMethodName());
        }
        c.readLiterals(resource, className);
        if (reader.getClassMetadata().isAnnotation()) {
          continue;
        }
        for (Field field : Class.forName(className, false, ModelContractTest.class.getClassLoader()).getDeclaredFields()) {
          ModelReference ref = field.getAnnotation(ModelReference.class);
          if (ref != null) {
            assertThat(Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .as("@ModelReference on %s.%s: only static String constants", className, field.getName()).isTrue();
            field.setAccessible(true);
            c.references.put(className + "." + field.getName(), new Ref(ref.value(), (String) field.get(null)));
          }
        }
      }
      assertThat(classes).as("compiled classes under id.rekber").isGreaterThan(50);
      return c;
    }

    /** String constants in the class file's constant pool that are shaped like element ids. */
    private void readLiterals(Resource resource, String className) throws IOException {
      byte[] bytes;
      try (InputStream in = resource.getInputStream()) {
        bytes = in.readAllBytes();
      }
      ClassReader reader = new ClassReader(bytes);
      char[] buffer = new char[reader.getMaxStringLength()];
      for (int i = 1; i < reader.getItemCount(); i++) {
        int offset = reader.getItem(i);
        if (offset > 0 && bytes[offset - 1] == 8) { // CONSTANT_String
          String value = reader.readUTF8(offset, buffer);
          if (value != null && ELEMENT_ID.matcher(value).matches()) {
            elementLiterals.computeIfAbsent(value, v -> new TreeSet<>()).add(className);
          }
        }
      }
    }
  }
}
