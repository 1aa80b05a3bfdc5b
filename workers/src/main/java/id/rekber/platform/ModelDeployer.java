package id.rekber.platform;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and form found under the models location at start-up, before the web
 * server takes requests. Analysts' edits deploy as a new version on the next start; nothing in code
 * names the files. Where the process studio approved a newer version of a file, that version is
 * deployed instead of the file ({@link ModelJournal}), so a restart keeps it.
 */
@Component
public class ModelDeployer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  /** The deployer named in the journal for what start-up deployed from disk. */
  public static final String START_UP = "start-up";
  /** A busy machine's engine needs longer than the client's default 10 s for every model at once. */
  private static final java.time.Duration DEPLOY_TIMEOUT = java.time.Duration.ofMinutes(2);
  private static final List<String> PATTERNS =
      List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

  private final CamundaClient client;
  private final DeployedModels deployed;
  private final ObjectProvider<ModelJournal> journal;
  private final String location;
  private final boolean singleNode;
  private volatile boolean running;

  public ModelDeployer(
      CamundaClient client,
      DeployedModels deployed,
      ObjectProvider<ModelJournal> journal,
      @Value("${rekber.models.location:classpath:models/}") String location,
      Environment environment) {
    this.client = client;
    this.deployed = deployed;
    this.journal = journal;
    this.location = location.endsWith("/") ? location : location + "/";
    this.singleNode = SingleNode.isActive(environment);
  }

  @Override
  public void start() {
    deploy();
    running = true;
  }

  /**
   * Deploys every model found under the models location (a new version only where the content
   * changed). At start-up, and again after single-node mode replaced its engine ({@link EngineRebase}).
   */
  public void deploy() {
    List<Resource> resources = findModels();
    if (resources.isEmpty()) {
      throw new IllegalStateException("no models found under " + location);
    }
    ModelJournal approvals = journal.getIfAvailable();
    DeployResourceCommandStep2 command = null;
    Map<String, String> formSchemas = new HashMap<>();
    Map<String, byte[]> deployedContent = new HashMap<>();
    Map<String, byte[]> diskContent = new HashMap<>();
    for (Resource resource : resources) {
      String name = resource.getFilename();
      byte[] onDisk = read(resource);
      diskContent.put(name, onDisk);
      byte[] content = approvals == null ? onDisk : approvals.approvedReplacement(name, onDisk).orElse(onDisk);
      deployedContent.put(name, content);
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(prepare(name, content, formSchemas), name)
          : command.addResourceBytes(prepare(name, content, formSchemas), name);
    }
    DeploymentEvent deployment = command.requestTimeout(DEPLOY_TIMEOUT).send().join();
    registerForms(deployment, formSchemas);
    if (approvals != null) {
      deployedContent.forEach((name, content) -> approvals.deployed(name, content, deployment, START_UP, null, diskContent.get(name)));
    }
    log.info(
        "Deployed {} processes, {} decisions, {} forms from {}",
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size(),
        location);
  }

  /**
   * Deploys one model approved in the studio (a new version unless the content equals the newest
   * one), with the same preparation as at start-up.
   */
  public DeploymentEvent deployApproved(String name, byte[] content, String approvedBy, long draftId) {
    Map<String, String> formSchemas = new HashMap<>();
    DeploymentEvent deployment =
        client.newDeployResourceCommand().addResourceBytes(prepare(name, content, formSchemas), name)
            .requestTimeout(DEPLOY_TIMEOUT).send().join();
    registerForms(deployment, formSchemas);
    ModelJournal approvals = journal.getIfAvailable();
    if (approvals != null) {
      approvals.deployed(name, content, deployment, approvedBy, draftId, diskContent(name).orElse(null));
    }
    return deployment;
  }

  /** The file of this name under the models location, as shipped. */
  public java.util.Optional<byte[]> diskContent(String name) {
    return findModels().stream().filter(r -> name.equals(r.getFilename())).findFirst().map(ModelDeployer::read);
  }

  /** The names of the model files under the models location. */
  public List<String> diskNames() {
    return findModels().stream().map(Resource::getFilename).toList();
  }

  private byte[] prepare(String name, byte[] content, Map<String, String> formSchemas) {
    if (name.endsWith(".bpmn")) {
      registerElementNames(content);
      if (singleNode) {
        return UserTaskConverter.toJobWorkerUserTasks(content);
      }
    } else if (name.endsWith(".form")) {
      formSchemas.put(name, new String(content, StandardCharsets.UTF_8));
    }
    return content;
  }

  private void registerForms(DeploymentEvent deployment, Map<String, String> formSchemas) {
    deployment.getForm().forEach(f -> deployed.registerForm(Long.toString(f.getFormKey()), f.getFormId(), formSchemas.get(f.getResourceName())));
  }

  private void registerElementNames(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    for (Process process : model.getModelElementsByType(Process.class)) {
      for (FlowElement element : process.getFlowElements()) {
        if (element.getName() != null) {
          deployed.registerElementName(process.getId(), element.getId(), element.getName());
        }
      }
    }
  }

  private List<Resource> findModels() {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String pattern : PATTERNS) {
      try {
        found.addAll(Arrays.asList(resolver.getResources(location + pattern)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list models at " + location + pattern, e);
      }
    }
    found.sort(Comparator.comparing(Resource::getFilename));
    return found;
  }

  private static byte[] read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + resource, e);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return 0;
  }
}
