package id.rekber.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rekber.platform.ClusterOnly;
import id.rekber.platform.DeployedModels;
import id.rekber.platform.EngineProblem;
import id.rekber.platform.Refusal;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda user tasks from the orchestration cluster's search API (secondary storage), which
 * lags behind the engine: a task just created may be missing for a moment (a lookup by key is
 * retried a few times), one this application just completed may still read as CREATED (it is
 * shown as completed). Candidate groups are checked by the caller; the application's own client may
 * see every task.
 */
@Component
@ClusterOnly
class ClusterTasks {
  static final int PAGE_SIZE = 100;
  /** 100 pages of 100: far more open staff tasks than a team can work on; beyond that, stop reading. */
  static final int MAX_PAGES = 100;

  private final CamundaClient client;
  private final ObjectMapper json;
  private final RecentlyCompleted completed;
  private final int lookupAttempts;
  private final Duration lookupWait;
  private final Map<String, DeployedModels.Form> forms = new ConcurrentHashMap<>();

  ClusterTasks(CamundaClient client, ObjectMapper json, Clock clock,
      @Value("${rekber.cluster.inbox.lookup-attempts:5}") int lookupAttempts,
      @Value("${rekber.cluster.inbox.lookup-wait-ms:300}") long lookupWaitMillis) {
    this.client = client;
    this.json = json;
    this.completed = new RecentlyCompleted(10_000, Duration.ofMinutes(10), clock);
    this.lookupAttempts = Math.max(1, lookupAttempts);
    this.lookupWait = Duration.ofMillis(lookupWaitMillis);
  }

  /** Open (CREATED) tasks offered to any of the groups, without those this application just completed. */
  List<StaffTask> open(List<String> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    List<UserTask> found = allPages(cursor -> client.newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(g -> g.in(groups)).state(UserTaskState.CREATED))
        .page(p -> page(p, cursor))
        .send().join());
    Map<Long, UserTask> byKey = new LinkedHashMap<>();
    found.stream().filter(t -> !completed.contains(t.getUserTaskKey())).forEach(t -> byKey.putIfAbsent(t.getUserTaskKey(), t));
    Map<Long, String> dealIds = dealIds(byKey.values().stream().map(UserTask::getProcessInstanceKey).distinct().toList());
    return byKey.values().stream().map(t -> view(t, dealIds.get(t.getProcessInstanceKey()), "{}")).toList();
  }

  /** One task with its process variables; a task the index does not know (yet) is "not found". */
  StaffTask get(long key) {
    UserTask task = lookup(key);
    String variables = variables(task.getProcessInstanceKey());
    String dealId = null;
    try {
      dealId = json.readTree(variables).path("dealId").asText(null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return view(task, dealId, variables);
  }

  /** The task's linked form, read once per form key (a deployed form version never changes). */
  Optional<DeployedModels.Form> form(StaffTask task) {
    if (task.getFormKey() == null) {
      return Optional.empty();
    }
    DeployedModels.Form known = forms.get(task.getFormKey());
    if (known != null) {
      return Optional.of(known);
    }
    Form form;
    try {
      form = client.newUserTaskGetFormRequest(task.getJobKey()).send().join();
    } catch (RuntimeException e) {
      if (EngineProblem.of(e).filter(p -> p.status() == 404).isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
    if (form == null) {
      return Optional.empty();
    }
    DeployedModels.Form read = new DeployedModels.Form(Long.toString(form.getFormKey()), form.getFormId(), schemaText(form.getSchema()));
    forms.put(task.getFormKey(), read);
    return Optional.of(read);
  }

  void markCompleted(long key) {
    completed.add(key);
  }

  private UserTask lookup(long key) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.newUserTaskGetRequest(key).send().join();
      } catch (RuntimeException e) {
        Optional<EngineProblem> problem = EngineProblem.of(e);
        if (problem.isEmpty() || problem.get().status() != 404) {
          throw ClusterRefusals.of(e, key);
        }
        if (attempt >= lookupAttempts) {
          throw Refusal.notFound("task.not-found", key);
        }
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(lookupWait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Map<Long, String> dealIds(List<Long> processInstanceKeys) {
    if (processInstanceKeys.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> ids = new HashMap<>();
    for (Variable v : allPages(cursor -> client.newVariableSearchRequest()
        .filter(f -> f.name("dealId").processInstanceKey(k -> k.in(processInstanceKeys)))
        .page(p -> page(p, cursor))
        .send().join())) {
      if ("dealId".equals(v.getName()) && v.getScopeKey() != null && v.getScopeKey().equals(v.getProcessInstanceKey())) {
        ids.put(v.getProcessInstanceKey(), text(v.getValue()));
      }
    }
    return ids;
  }

  /** The process instance's own (root scope) variables as one JSON object, as a job would carry them. */
  private String variables(long processInstanceKey) {
    ObjectNode all = json.createObjectNode();
    for (Variable v : allPages(cursor -> client.newVariableSearchRequest()
        .withFullValues()
        .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
        .page(p -> page(p, cursor))
        .send().join())) {
      try {
        all.set(v.getName(), json.readTree(v.getValue()));
      } catch (JsonProcessingException e) {
        all.put(v.getName(), v.getValue());
      }
    }
    return all.toString();
  }

  private String text(String jsonValue) {
    try {
      return json.readTree(jsonValue).asText();
    } catch (JsonProcessingException e) {
      return jsonValue;
    }
  }

  private String schemaText(Object schema) {
    if (schema instanceof String text) {
      return text;
    }
    try {
      return json.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void page(io.camunda.client.api.search.request.SearchRequestPage page, String cursor) {
    page.limit(PAGE_SIZE);
    if (cursor != null) {
      page.after(cursor);
    }
  }

  /** Follows the search cursor until a short page (or the page limit). */
  private static <T> List<T> allPages(Function<String, SearchResponse<T>> search) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      SearchResponse<T> response = search.apply(cursor);
      all.addAll(response.items());
      cursor = response.page() == null ? null : response.page().endCursor();
      if (response.items().size() < PAGE_SIZE || cursor == null) {
        break;
      }
    }
    return all;
  }

  private StaffTask view(UserTask t, String dealId, String variables) {
    String status = status(t);
    List<String> groups = t.getCandidateGroups() == null ? List.of() : t.getCandidateGroups();
    String name = t.getName() == null || t.getName().isBlank() ? t.getElementId() : t.getName();
    return new StaffTask(t.getUserTaskKey(), t.getElementId(), name, t.getBpmnProcessId(), t.getProcessInstanceKey(), groups,
        t.getFormKey() == null ? null : Long.toString(t.getFormKey()), instant(t.getDueDate()), dealId, variables, status,
        blankToNull(t.getAssignee()), StaffTask.COMPLETED.equals(status) ? blankToNull(t.getAssignee()) : null,
        instant(t.getCreationDate()), instant(t.getCompletionDate()));
  }

  private String status(UserTask t) {
    if (completed.contains(t.getUserTaskKey())) {
      return StaffTask.COMPLETED;
    }
    UserTaskState state = t.getState();
    if (state == null) {
      return StaffTask.OPEN;
    }
    return switch (state) {
      case COMPLETED -> StaffTask.COMPLETED;
      case CANCELED, CANCELING, FAILED -> StaffTask.CANCELED;
      default -> StaffTask.OPEN;
    };
  }

  private static java.time.Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
