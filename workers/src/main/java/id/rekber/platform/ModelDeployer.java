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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and form found under the models location at start-up, before the web
 * server takes requests. Analysts' edits deploy as a new version on the next start; nothing in code
 * names the files.
 */
@Component
public class ModelDeployer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
  private static final List<String> PATTERNS =
      List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

  private final CamundaClient client;
  private final DeployedModels deployed;
  private final String location;
  private final boolean singleNode;
  private volatile boolean running;

  public ModelDeployer(
      CamundaClient client,
      DeployedModels deployed,
      @Value("${rekber.models.location:classpath:models/}") String location,
      Environment environment) {
    this.client = client;
    this.deployed = deployed;
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
    DeployResourceCommandStep2 command = null;
    Map<String, String> formSchemas = new HashMap<>();
    for (Resource resource : resources) {
      byte[] content = read(resource);
      String name = resource.getFilename();
      if (name.endsWith(".bpmn")) {
        registerElementNames(content);
        if (singleNode) {
          content = UserTaskConverter.toJobWorkerUserTasks(content);
        }
      } else if (name.endsWith(".form")) {
        formSchemas.put(name, new String(content, StandardCharsets.UTF_8));
      }
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(content, name)
              : command.addResourceBytes(content, name);
    }
    DeploymentEvent deployment = command.send().join();
    deployment.getForm().forEach(f -> deployed.registerForm(Long.toString(f.getFormKey()), f.getFormId(), formSchemas.get(f.getResourceName())));
    log.info(
        "Deployed {} processes, {} decisions, {} forms from {}",
        deployment.getProcesses().size(),
        deployment.getDecisions().size(),
        deployment.getForm().size(),
        location);
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
