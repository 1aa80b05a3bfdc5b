package id.rekber.support;

import org.awaitility.Awaitility;
import id.rekber.platform.UserTaskConverter;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One embedded Zeebe engine with its own clock, the models from the top-level {@code processes/} and
 * {@code forms/} deployed as the single-node application deploys them (Camunda user tasks turned into
 * job-worker user tasks by {@link UserTaskConverter}), and scripted job handlers instead of the
 * application's workers. No Spring, no database.
 *
 * <p>Everything is synchronous: each command waits until the engine is idle, then the harness runs
 * the script of every open service job (default: complete without variables) until none is left.
 * User-task jobs ({@value #USER_TASK}) stay open until the test completes them.
 */
public final class ProcessHarness implements AutoCloseable {
  public static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Duration IDLE = Duration.ofSeconds(60);

  private final ZeebeTestEngine engine;
  private final CamundaClient client;
  private final Map<String, Function<Job, Outcome>> scripts = new HashMap<>();
  private final Set<Long> handled = new HashSet<>();
  private Duration moved = Duration.ZERO;

  private ProcessHarness(ZeebeTestEngine engine, CamundaClient client) {
    this.engine = engine;
    this.client = client;
  }

  /** A fresh engine (free port, own clock) with every model deployed. */
  public static ProcessHarness start() {
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .restAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(60))
            .build();
    ProcessHarness harness = new ProcessHarness(engine, client);
    harness.idle(); // the stream processor may take a while to start on a busy machine
    harness.deployModels();
    return harness;
  }

  /** The models directory at the repository top level (tests run in {@code workers/}). */
  public static Path modelsRoot() {
    for (Path candidate : List.of(Path.of(".."), Path.of("."))) {
      if (Files.isDirectory(candidate.resolve("processes")) && Files.isDirectory(candidate.resolve("forms"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("no processes/ and forms/ beside or above " + Path.of("").toAbsolutePath());
  }

  /** Every model file, sorted by name, as ModelDeployer finds them ({@code processes/*.bpmn|dmn}, {@code forms/*.form}). */
  public static List<Path> modelFiles() {
    Path root = modelsRoot();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> processes = Files.list(root.resolve("processes"));
        Stream<Path> forms = Files.list(root.resolve("forms"))) {
      processes.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).forEach(files::add);
      forms.filter(p -> p.toString().endsWith(".form")).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return files;
  }

  private void deployModels() {
    deployModels(Map.of());
  }

  /**
   * Deploys every model again in one deployment, as ModelDeployer does at each start, with the files
   * named in {@code replaced} (file name, e.g. {@code "payout.bpmn"}, to content) changed: a new
   * version of the application's models. Returns what the engine deployed.
   */
  public DeploymentEvent deployModels(Map<String, String> replaced) {
    DeployResourceCommandStep2 command = null;
    for (Path file : modelFiles()) {
      String name = file.getFileName().toString();
      byte[] content = replaced.containsKey(name) ? replaced.get(name).getBytes(StandardCharsets.UTF_8) : read(file);
      if (name.endsWith(".bpmn")) {
        content = UserTaskConverter.toJobWorkerUserTasks(content);
      }
      command = command == null
          ? client.newDeployResourceCommand().addResourceBytes(content, name)
          : command.addResourceBytes(content, name);
    }
    DeploymentEvent deployment = command.send().join();
    idle();
    return deployment;
  }

  /** The text of a model file as it is in the repository, e.g. {@code "payout.bpmn"}. */
  public static String modelText(String fileName) {
    return modelFiles().stream().filter(f -> f.getFileName().toString().equals(fileName)).findFirst()
        .map(f -> new String(read(f), StandardCharsets.UTF_8))
        .orElseThrow(() -> new IllegalArgumentException("no model file " + fileName));
  }

  public CamundaClient client() {
    return client;
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  /** The engine's current time: real time plus how far this harness moved its clock. */
  public Instant now() {
    return Instant.now().plus(moved);
  }

  // ---------------------------------------------------------------------------------------------
  // scripted workers

  /** Replaces the worker of a job type; used for every job of that type from now on. */
  public ProcessHarness onJob(String type, Function<Job, Outcome> script) {
    scripts.put(type, script);
    return this;
  }

  public ProcessHarness onJob(String type, Outcome outcome) {
    return onJob(type, job -> outcome);
  }

  /** Forgets every script: service jobs are completed without variables again. */
  public void resetScripts() {
    scripts.clear();
  }

  /** A job the engine created, as a script sees it. */
  public record Job(long key, String type, String elementId, long processInstanceKey, String bpmnProcessId,
      Map<String, String> headers, Instant now) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  /** What a scripted worker does with a job. */
  public sealed interface Outcome {
    static Outcome complete() {
      return new Complete(Map.of());
    }

    static Outcome complete(Map<String, ?> variables) {
      return new Complete(variables);
    }

    static Outcome throwError(String code) {
      return new ThrowError(code, Map.of());
    }

    static Outcome throwError(String code, Map<String, ?> variables) {
      return new ThrowError(code, variables);
    }

    /** Fails the job with no retries left, as a worker that gave up: an incident. */
    static Outcome fail(String message) {
      return new Fail(message);
    }

    /** Leaves the job open (the worker "is still working"). */
    static Outcome leaveOpen() {
      return new LeaveOpen();
    }
  }

  public record Complete(Map<String, ?> variables) implements Outcome {}

  public record ThrowError(String code, Map<String, ?> variables) implements Outcome {}

  public record Fail(String message) implements Outcome {}

  public record LeaveOpen() implements Outcome {}

  // ---------------------------------------------------------------------------------------------
  // commands (each returns once the engine is idle and every service job has been scripted)

  public long startInstance(String processId, Map<String, ?> variables) {
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
    settle();
    return key;
  }

  public long startBefore(String processId, String elementId, Map<String, ?> variables) {
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).startBeforeElement(elementId).send().join().getProcessInstanceKey();
    settle();
    return key;
  }

  public void publish(String messageName, String correlationKey) {
    publish(messageName, correlationKey, Map.of());
  }

  public void publish(String messageName, String correlationKey, Map<String, ?> variables) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
        .timeToLive(Duration.ZERO).variables(variables).send().join();
    settle();
  }

  /** Moves this engine's clock (only this engine's) and lets the due timers fire. */
  public void advance(Duration duration) {
    moved = moved.plus(duration);
    engine.increaseTime(duration);
    // The engine's timer checker notices the new time on its own; wait until every due timer fired.
    Awaitility.await("every due timer fired after the clock moved")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> dueTimers() == 0);
    settle();
  }

  /** Timers created, due by the engine's clock, and neither triggered nor cancelled yet. */
  private int dueTimers() {
    long now = now().toEpochMilli();
    Map<Long, Long> open = new HashMap<>();
    for (Record<?> record : records()) {
      if (record.getValueType() == ValueType.TIMER && record.getRecordType() == RecordType.EVENT
          && record.getValue() instanceof TimerRecordValue timer) {
        switch ((TimerIntent) record.getIntent()) {
          case CREATED -> open.put(record.getKey(), timer.getDueDate());
          case TRIGGERED, CANCELED -> open.remove(record.getKey());
          default -> {}
        }
      }
    }
    return (int) open.values().stream().filter(due -> due <= now).count();
  }

  /** The open user-task job of an element in an instance; fails if there is none. */
  public Job userTask(long processInstanceKey, String elementId) {
    return openJobs().stream()
        .filter(j -> j.type().equals(USER_TASK) && j.processInstanceKey() == processInstanceKey && j.elementId().equals(elementId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open user task " + elementId + " in instance " + processInstanceKey));
  }

  public void completeUserTask(long processInstanceKey, String elementId, Map<String, ?> variables) {
    Job job = userTask(processInstanceKey, elementId);
    client.newCompleteCommand(job.key()).variables(variables).send().join();
    settle();
  }

  /** Runs the scripts of all open service jobs until the engine has nothing left to do. */
  public void settle() {
    for (int round = 0; round < 500; round++) {
      idle();
      List<Job> open = openJobs().stream().filter(j -> !j.type().equals(USER_TASK) && !handled.contains(j.key())).toList();
      if (open.isEmpty()) {
        return;
      }
      for (Job job : open) {
        handled.add(job.key());
        run(job, scripts.getOrDefault(job.type(), j -> Outcome.complete()).apply(job));
      }
    }
    throw new IllegalStateException("jobs keep coming after 500 rounds; a loop in the model or a script?");
  }

  private void run(Job job, Outcome outcome) {
    switch (outcome) {
      case Complete c -> client.newCompleteCommand(job.key()).variables(c.variables()).send().join();
      case ThrowError e -> client.newThrowErrorCommand(job.key()).errorCode(e.code())
          .errorMessage("scripted " + e.code()).variables(e.variables()).send().join();
      case Fail f -> client.newFailCommand(job.key()).retries(0).errorMessage(f.message()).send().join();
      case LeaveOpen l -> {}
    }
  }

  /** Jobs created and not yet completed, failed, cancelled or errored, in creation order. */
  public List<Job> openJobs() {
    Map<Long, Job> open = new LinkedHashMap<>();
    for (Record<?> record : records()) {
      if (record.getValueType() != ValueType.JOB || record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      JobRecordValue value = (JobRecordValue) record.getValue();
      switch ((JobIntent) record.getIntent()) {
        case CREATED -> open.put(record.getKey(), new Job(record.getKey(), value.getType(), value.getElementId(),
            value.getProcessInstanceKey(), value.getBpmnProcessId(), Map.copyOf(value.getCustomHeaders()), now()));
        case COMPLETED, CANCELED, ERROR_THROWN, FAILED -> open.remove(record.getKey());
        default -> {}
      }
    }
    return List.copyOf(open.values());
  }

  // ---------------------------------------------------------------------------------------------
  // reading what happened

  public Iterable<Record<?>> records() {
    return engine.getRecordStreamSource().getRecords();
  }

  /** Assertions on one process instance (element path, timers, variables, incidents). */
  public InstanceAssert assertThat(long processInstanceKey) {
    return new InstanceAssert(this, processInstanceKey);
  }

  private void idle() {
    try {
      engine.waitForIdleState(IDLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine not idle after " + IDLE, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
