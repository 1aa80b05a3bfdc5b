package id.rekber.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import id.rekber.identity.AppUser;
import id.rekber.identity.StaffUsers;
import id.rekber.platform.FormInvalidException;
import id.rekber.platform.Refusal;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster inbox against the Orchestration Cluster REST API (Camunda 8.8), played by WireMock
 * with request and response shapes from the API documentation (pages cited at each stub, paths on
 * docs.camunda.io), through a real {@link CamundaClient} that prefers REST.
 */
class ClusterInboxContractTest {
  static final String DOCS = "https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/";
  static final long TASK = 2251799813685249L;
  static final long INSTANCE = 2251799813685200L;
  static final long FORM = 2251799813685100L;
  static final String MEDIATOR = "mira@rekber.test";
  static final String OTHER_MEDIATOR = "maya@rekber.test";

  @RegisterExtension
  static WireMockExtension engine = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  CamundaClient client;
  ClusterInbox inbox;
  final AppUser mira = StaffUsers.staff(MEDIATOR);
  final AppUser party = StaffUsers.staff("budi@rekber.test");

  /** Stands in for the dispute feature: the buyer may not decide, and the split must add up. */
  static final class DisputeRules implements CaseContext {
    @Override public boolean supports(String bpmnProcessId) { return "dispute-mediation".equals(bpmnProcessId); }
    @Override public String fragment() { return "dispute/case :: panel"; }
    @Override public Map<String, Object> model(StaffTask task, AppUser viewer) { return Map.of(); }
    @Override public Optional<String> refusal(StaffTask task, AppUser staff) {
      return staff.getEmail().startsWith("budi") ? Optional.of("dispute.mediator-is-party") : Optional.empty();
    }
    @Override public Map<String, String> validate(StaffTask task, Map<String, Object> submitted) {
      return "SPLIT".equals(submitted.get("decision")) && !"1000".equals(String.valueOf(submitted.get("buyerAmount")))
          ? Map.of("buyerAmount", "dispute.split-sum") : Map.of();
    }
  }

  @BeforeEach
  void client() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create(engine.baseUrl()))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .credentialsProvider(new NoopCredentialsProvider())
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
    ObjectMapper json = new ObjectMapper();
    ClusterTasks tasks = new ClusterTasks(client, json, Clock.systemUTC(), 3, 20);
    inbox = new ClusterInbox(tasks, new FormValidator(json), new CaseContexts(List.of(new DisputeRules())), client);
  }

  @AfterEach
  void close() {
    client.close();
  }

  // -- shapes from the documentation ---------------------------------------------------------

  /** UserTaskResult; see DOCS + "get-user-task/" and "search-user-tasks/" (keys are strings). */
  static String task(long key, String state, String assignee, String group) {
    return """
        {"userTaskKey":"%d","name":"Decide dispute","state":"%s",%s"elementId":"Task_MediatorDecision",
         "elementInstanceKey":"%d","candidateGroups":["%s"],"candidateUsers":[],"processDefinitionId":"dispute-mediation",
         "processDefinitionKey":"2251799813685001","processInstanceKey":"%d","formKey":"%d","processName":"Dispute mediation",
         "creationDate":"2026-12-01T08:00:00.000Z","dueDate":"2026-12-04T08:00:00.000Z","tenantId":"<default>",
         "processDefinitionVersion":3,"customHeaders":{},"priority":50}
        """.formatted(key, state, assignee == null ? "" : "\"assignee\":\"" + assignee + "\",", key + 1, group, INSTANCE, FORM);
  }

  static String page(List<String> items, String endCursor) {
    return """
        {"items":[%s],"page":{"totalItems":%d,"hasMoreTotalItems":false,"startCursor":"s","endCursor":%s}}
        """.formatted(String.join(",", items), items.size(), endCursor == null ? "null" : "\"" + endCursor + "\"");
  }

  /** RFC 7807 problem as the gateway writes a broker rejection: title = rejection type. */
  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String title, String detail) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
        {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"/v2/user-tasks/%d"}
        """.formatted(title, status, detail, TASK));
  }

  void stubTask(String state, String assignee) {
    // DOCS + "get-user-task/": GET /v2/user-tasks/{userTaskKey} -> 200 UserTaskResult (eventually consistent)
    engine.stubFor(get("/v2/user-tasks/" + TASK).willReturn(okJson(task(TASK, state, assignee, "mediator"))));
    stubVariables();
  }

  void stubVariables() {
    // DOCS + "search-variables/": POST /v2/variables/search -> {items:[VariableSearchResult], page}; values are JSON text
    engine.stubFor(post(urlPathEqualTo("/v2/variables/search")).willReturn(okJson(page(List.of(
        variable("dealId", "\\\"RB-7\\\""), variable("heldAmount", "1000")), null))));
  }

  static String variable(String name, String jsonValue) {
    return """
        {"variableKey":"9%d","name":"%s","value":"%s","isTruncated":false,"scopeKey":"%d","processInstanceKey":"%d","tenantId":"<default>"}
        """.formatted(Math.abs(name.hashCode()), name, jsonValue, INSTANCE, INSTANCE);
  }

  void stubForm() {
    // DOCS + "get-user-task-form/": GET /v2/user-tasks/{userTaskKey}/form -> FormResult, schema as JSON text
    String schema = "{\\\"components\\\":[{\\\"key\\\":\\\"decision\\\",\\\"type\\\":\\\"select\\\",\\\"validate\\\":{\\\"required\\\":true},"
        + "\\\"values\\\":[{\\\"value\\\":\\\"REFUND\\\"},{\\\"value\\\":\\\"SPLIT\\\"}]}]}";
    engine.stubFor(get("/v2/user-tasks/" + TASK + "/form").willReturn(okJson("""
        {"formKey":"%d","formId":"mediator-decision","version":2,"tenantId":"<default>","schema":"%s"}
        """.formatted(FORM, schema))));
  }

  void stubAssign() {
    // DOCS + "assign-user-task/": POST /v2/user-tasks/{userTaskKey}/assignment {assignee, allowOverride, action} -> 204
    engine.stubFor(post("/v2/user-tasks/" + TASK + "/assignment").willReturn(aResponse().withStatus(204)));
  }

  void stubComplete() {
    // DOCS + "complete-user-task/": POST /v2/user-tasks/{userTaskKey}/completion {variables, action} -> 204
    engine.stubFor(post("/v2/user-tasks/" + TASK + "/completion").willReturn(aResponse().withStatus(204)));
  }

  // -- search ---------------------------------------------------------------------------------

  @Test
  void openTasksSearchesCreatedTasksOfTheCallersGroupsThroughAllPages() {
    List<String> first = IntStream.range(0, ClusterTasks.PAGE_SIZE).mapToObj(i -> task(TASK + 10 + i, "CREATED", null, "mediator")).toList();
    // DOCS + "search-user-tasks/": POST /v2/user-tasks/search {filter:{candidateGroup, state}, page:{limit, after}};
    // the client writes every filter value in the advanced form ({"$eq": ...}, {"$in": [...]}), which the API accepts.
    engine.stubFor(post("/v2/user-tasks/search").withRequestBody(matchingJsonPath("$.page.after", equalTo("c1")))
        .willReturn(okJson(page(List.of(task(TASK, "CREATED", OTHER_MEDIATOR, "mediator")), "c2"))));
    engine.stubFor(post("/v2/user-tasks/search").withRequestBody(matchingJsonPath("$.filter.state.$eq", equalTo("CREATED")))
        .atPriority(10).willReturn(okJson(page(first, "c1"))));
    stubVariables();

    List<StaffTask> open = inbox.openTasks(List.of("mediator", "member"));

    assertThat(open).hasSize(ClusterTasks.PAGE_SIZE + 1);
    StaffTask mine = open.stream().filter(t -> t.getJobKey() == TASK).findFirst().orElseThrow();
    assertThat(mine.getDealId()).isEqualTo("RB-7");
    assertThat(mine.getAssignee()).isEqualTo(OTHER_MEDIATOR);
    assertThat(mine.getProcessId()).isEqualTo("dispute-mediation");
    assertThat(mine.getFormKey()).isEqualTo(Long.toString(FORM));
    assertThat(mine.getDueAt()).isEqualTo("2026-12-04T08:00:00Z");
    assertThat(mine.isOpen()).isTrue();
    engine.verify(2, postRequestedFor(urlPathEqualTo("/v2/user-tasks/search"))
        .withRequestBody(matchingJsonPath("$.filter.candidateGroup.$in[0]", equalTo("mediator")))
        .withRequestBody(matchingJsonPath("$.filter.candidateGroup.$in[1]", equalTo("member")))
        .withRequestBody(matchingJsonPath("$.filter.state.$eq", equalTo("CREATED")))
        .withRequestBody(matchingJsonPath("$.page.limit", equalTo("100"))));
    // The deal ids of all listed tasks in one variable search, not one request per task.
    engine.verify(1, postRequestedFor(urlPathEqualTo("/v2/variables/search"))
        .withRequestBody(matchingJsonPath("$.filter.name.$eq", equalTo("dealId")))
        .withRequestBody(matchingJsonPath("$.filter.processInstanceKey.$in[0]", equalTo(Long.toString(INSTANCE)))));
  }

  @Test
  void aCallerWithoutStaffGroupsSearchesNothing() {
    assertThat(inbox.openTasks(List.of())).isEmpty();
    engine.verify(0, postRequestedFor(urlPathEqualTo("/v2/user-tasks/search")));
  }

  // -- get by key, index lag ------------------------------------------------------------------

  @Test
  void aTaskTheIndexHasNotSeenYetIsRetriedBrieflyThenFound() {
    // DOCS + "get-user-task/": 404 "The user task with the given key was not found" while the index lags.
    engine.stubFor(get("/v2/user-tasks/" + TASK).inScenario("lag").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(problem(404, "NOT_FOUND", "User task with key " + TASK + " not found")).willSetStateTo("indexed"));
    engine.stubFor(get("/v2/user-tasks/" + TASK).inScenario("lag").whenScenarioStateIs("indexed")
        .willReturn(okJson(task(TASK, "CREATED", null, "mediator"))));
    stubVariables();

    StaffTask task = inbox.task(TASK, List.of("mediator"));

    assertThat(task.getName()).isEqualTo("Decide dispute");
    assertThat(task.getVariables()).contains("\"dealId\":\"RB-7\"").contains("\"heldAmount\":1000");
    engine.verify(2, getRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK)));
    // The process's own variables, full values, from the root scope.
    engine.verify(postRequestedFor(urlPathEqualTo("/v2/variables/search"))
        .withQueryParam("truncateValues", equalTo("false"))
        .withRequestBody(matchingJsonPath("$.filter.processInstanceKey.$eq", equalTo(Long.toString(INSTANCE))))
        .withRequestBody(matchingJsonPath("$.filter.scopeKey.$eq", equalTo(Long.toString(INSTANCE)))));
  }

  @Test
  void aTaskStillUnknownAfterTheRetriesIsNotFoundNotAServerError() {
    engine.stubFor(get("/v2/user-tasks/" + TASK).willReturn(problem(404, "NOT_FOUND", "User task with key " + TASK + " not found")));

    assertThatThrownBy(() -> inbox.task(TASK, List.of("mediator")))
        .isInstanceOfSatisfying(Refusal.class, r -> {
          assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
          assertThat(r.code()).isEqualTo("task.not-found");
        });
    engine.verify(3, getRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK)));
  }

  @Test
  void anEngineThatForbidsTheApplicationIsAReadableRefusal() {
    // DOCS + "get-user-task/": 403 "Forbidden. The request is not allowed." (authorizations on, no grant)
    engine.stubFor(get("/v2/user-tasks/" + TASK).willReturn(problem(403, "FORBIDDEN", "Unauthorized to perform operation 'READ_USER_TASK'")));

    assertThatThrownBy(() -> inbox.task(TASK, List.of("mediator")))
        .isInstanceOfSatisfying(Refusal.class, r -> {
          assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
          assertThat(r.code()).isEqualTo("task.engine-forbidden");
        });
  }

  @Test
  void aTaskOfAnotherGroupIsForbidden() {
    stubTask("CREATED", null);

    assertThatThrownBy(() -> inbox.task(TASK, List.of("compliance")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("task.not-your-group"));
  }

  // -- claim / unclaim ------------------------------------------------------------------------

  @Test
  void claimingAssignsTheCallerWithoutOverridingAColleague() {
    stubTask("CREATED", null);
    stubAssign();

    StaffTask claimed = inbox.claim(TASK, List.of("mediator"), mira);

    assertThat(claimed.getAssignee()).isEqualTo(MEDIATOR);
    engine.verify(postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignment"))
        .withRequestBody(matchingJsonPath("$.assignee", equalTo(MEDIATOR)))
        .withRequestBody(matchingJsonPath("$.allowOverride", equalTo("false"))));
  }

  @Test
  void aPartyToTheDisputeMayNotClaimAndTheEngineIsNotAsked() {
    stubTask("CREATED", null);
    stubAssign();

    assertThatThrownBy(() -> inbox.claim(TASK, List.of("mediator"), party))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("dispute.mediator-is-party"));
    engine.verify(0, postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignment")));
  }

  @Test
  void aColleagueWhoClaimedFirstInTheEngineWinsTheRace() {
    stubTask("CREATED", null);
    // DOCS + "assign-user-task/": 409 "The user task with the given key is in the wrong state currently"
    engine.stubFor(post("/v2/user-tasks/" + TASK + "/assignment").willReturn(problem(409, "INVALID_STATE",
        "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task with key '" + TASK
            + "', but it is already assigned")));

    assertThatThrownBy(() -> inbox.claim(TASK, List.of("mediator"), mira))
        .isInstanceOfSatisfying(Refusal.class, r -> {
          assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
          assertThat(r.code()).isEqualTo("task.changed");
        });
  }

  @Test
  void unclaimingRemovesTheAssignee() {
    stubTask("CREATED", MEDIATOR);
    // DOCS + "unassign-user-task/": DELETE /v2/user-tasks/{userTaskKey}/assignee -> 204
    engine.stubFor(delete("/v2/user-tasks/" + TASK + "/assignee").willReturn(aResponse().withStatus(204)));

    assertThat(inbox.unclaim(TASK, List.of("mediator"), mira).getAssignee()).isNull();
    engine.verify(deleteRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignee")));
  }

  @Test
  void nobodyButTheAssigneeOrAnAdminUnclaims() {
    stubTask("CREATED", OTHER_MEDIATOR);

    assertThatThrownBy(() -> inbox.unclaim(TASK, List.of("mediator"), mira))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("task.assigned-to-other"));
    engine.verify(0, deleteRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignee")));
  }

  // -- complete -------------------------------------------------------------------------------

  @Test
  void completingSendsTheVariablesAndTheTaskThenLeavesTheLaggingList() {
    stubTask("CREATED", MEDIATOR);
    stubForm();
    stubComplete();
    engine.stubFor(post("/v2/user-tasks/search").willReturn(okJson(page(List.of(task(TASK, "CREATED", MEDIATOR, "mediator")), null))));

    inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND", "reason", "Barang tidak dikirim"));

    engine.verify(postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/completion"))
        .withRequestBody(matchingJsonPath("$.variables.decision", equalTo("REFUND")))
        .withRequestBody(matchingJsonPath("$.variables.reason", equalTo("Barang tidak dikirim"))));
    engine.verify(0, postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignment")));
    // The index still lists the task as CREATED: the inbox knows better.
    assertThat(inbox.openTasks(List.of("mediator"))).isEmpty();
    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("task.already-done"));
    engine.verify(1, postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/completion")));
  }

  @Test
  void anUnassignedTaskIsAssignedToTheDeciderBeforeCompletion() {
    stubTask("CREATED", null);
    stubForm();
    stubAssign();
    stubComplete();

    inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND"));

    engine.verify(postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignment"))
        .withRequestBody(matchingJsonPath("$.assignee", equalTo(MEDIATOR)))
        .withRequestBody(matchingJsonPath("$.allowOverride", equalTo("false"))));
    engine.verify(postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/completion")));
  }

  @Test
  void anAdminTakesOverAColleaguesTaskWhenDeciding() {
    stubTask("CREATED", OTHER_MEDIATOR);
    stubForm();
    stubAssign();
    stubComplete();
    AppUser admin = StaffUsers.staff("ayu@rekber.test");

    inbox.complete(TASK, List.of("mediator", "admin"), admin, Map.of("decision", "REFUND"));

    engine.verify(postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/assignment"))
        .withRequestBody(matchingJsonPath("$.assignee", equalTo("ayu@rekber.test")))
        .withRequestBody(matchingJsonPath("$.allowOverride", equalTo("true"))));
  }

  @Test
  void aColleaguesTaskCannotBeCompletedByAMediator() {
    stubTask("CREATED", OTHER_MEDIATOR);

    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("task.assigned-to-other"));
    engine.verify(0, postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/completion")));
  }

  @Test
  void theFormsAndTheCasesRulesAreCheckedBeforeTheEngineHearsOfIt() {
    stubTask("CREATED", MEDIATOR);
    stubForm();
    stubComplete();

    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "KEEP")))
        .isInstanceOfSatisfying(FormInvalidException.class, e -> assertThat(e.getMessage()).isNotNull());
    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "SPLIT", "buyerAmount", 10)))
        .isInstanceOf(FormInvalidException.class);
    engine.verify(0, postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/completion")));
  }

  @Test
  void aListenersDenialComesBackWithItsReason() {
    stubTask("CREATED", MEDIATOR);
    stubForm();
    // DOCS + "complete-user-task/": 409 wrong state; a completing listener's denial is rejected as INVALID_STATE
    // (/docs/components/concepts/user-task-listeners/ "deny"), with the listener's reason in the detail.
    engine.stubFor(post("/v2/user-tasks/" + TASK + "/completion").willReturn(problem(409, "INVALID_STATE",
        "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task with key '" + TASK
            + "' was denied by Task Listener. Reason to deny: 'The mediator is a party to this deal'")));

    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND")))
        .isInstanceOfSatisfying(Refusal.class, r -> {
          assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
          assertThat(r.code()).isEqualTo("task.denied");
          assertThat(r.args()).containsExactly("The mediator is a party to this deal");
        });
    // A denied task stays open.
    engine.stubFor(post("/v2/user-tasks/search").willReturn(okJson(page(List.of(task(TASK, "CREATED", MEDIATOR, "mediator")), null))));
    assertThat(inbox.openTasks(List.of("mediator"))).extracting(StaffTask::getJobKey).containsExactly(TASK);
  }

  @Test
  void aTaskGoneFromTheEngineIsAConflict() {
    stubTask("CREATED", MEDIATOR);
    stubForm();
    // DOCS + "complete-user-task/": 404 "The user task with the given key was not found."
    engine.stubFor(post("/v2/user-tasks/" + TASK + "/completion").willReturn(problem(404, "NOT_FOUND",
        "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete user task with key '" + TASK
            + "', but no such user task was found")));

    assertThatThrownBy(() -> inbox.complete(TASK, List.of("mediator"), mira, Map.of("decision", "REFUND")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("task.gone"));
  }

  @Test
  void aCompletedTaskInTheIndexIsDone() {
    stubTask("COMPLETED", OTHER_MEDIATOR);

    assertThatThrownBy(() -> inbox.claim(TASK, List.of("mediator"), mira))
        .isInstanceOfSatisfying(Refusal.class, r -> {
          assertThat(r.code()).isEqualTo("task.already-done");
          assertThat(r.args()).containsExactly(OTHER_MEDIATOR);
        });
  }

  // -- form -----------------------------------------------------------------------------------

  @Test
  void theFormIsReadFromTheClusterOncePerFormKey() {
    stubTask("CREATED", null);
    stubForm();
    StaffTask task = inbox.task(TASK, List.of("mediator"));

    var form = inbox.form(task).orElseThrow();
    inbox.form(task);

    assertThat(form.id()).isEqualTo("mediator-decision");
    assertThat(form.key()).isEqualTo(Long.toString(FORM));
    assertThat(form.schema()).contains("\"key\":\"decision\"");
    engine.verify(1, getRequestedFor(urlPathEqualTo("/v2/user-tasks/" + TASK + "/form")));
  }
}
