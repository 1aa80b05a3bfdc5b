package id.rekber.escrow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Deal progress and diagram in cluster mode against WireMock playing the Camunda 8.8 Orchestration
 * Cluster REST API (shapes from the documentation pages cited at each stub, paths on
 * docs.camunda.io), through a real {@link CamundaClient} that prefers REST.
 */
class ClusterDealDiagramContractTest {
  static final String DOCS = "https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/";
  static final long INSTANCE = 2251799813685300L;
  static final long DEFINITION = 2251799813685002L;

  /** A deployed version of the lifecycle, older than the bundled file: what a running deal still runs. */
  static final String VERSION_2 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://rekber.id/v2">
        <bpmn:process id="escrow-lifecycle" isExecutable="true">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Pay" />
          <bpmn:serviceTask id="Task_Pay" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Pay" targetRef="Wait_Ship" />
          <bpmn:receiveTask id="Wait_Ship" />
          <bpmn:sequenceFlow id="Flow_3" sourceRef="Wait_Ship" targetRef="End" />
          <bpmn:sequenceFlow id="Flow_Cancel" sourceRef="Task_Pay" targetRef="Cancelled" />
          <bpmn:endEvent id="Cancelled" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @RegisterExtension
  static WireMockExtension engine = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  CamundaClient client;
  DeployedDealDiagram diagrams;
  ClusterDealProgress progress;

  @BeforeEach
  void client() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create(engine.baseUrl()))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(true)
        .credentialsProvider(new NoopCredentialsProvider())
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
    diagrams = new DeployedDealDiagram(client, new DefaultResourceLoader(), "classpath:models/");
    progress = new ClusterDealProgress(client, diagrams);
  }

  @AfterEach
  void close() {
    client.close();
  }

  void stubInstanceAndXml() {
    // DOCS + "get-process-instance/": GET /v2/process-instances/{processInstanceKey} -> ProcessInstanceResult
    engine.stubFor(get("/v2/process-instances/" + INSTANCE).willReturn(okJson("""
        {"processDefinitionId":"escrow-lifecycle","processDefinitionName":"Escrow lifecycle","processDefinitionVersion":2,
         "processDefinitionVersionTag":"escrow-2","startDate":"2026-12-01T08:00:00.000Z","state":"ACTIVE","hasIncident":false,
         "tenantId":"<default>","processInstanceKey":"%d","processDefinitionKey":"%d","tags":[]}
        """.formatted(INSTANCE, DEFINITION))));
    // DOCS + "get-process-definition-xml/": GET /v2/process-definitions/{processDefinitionKey}/xml -> 200 text/xml
    engine.stubFor(get("/v2/process-definitions/" + DEFINITION + "/xml")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(VERSION_2)));
  }

  static String element(String elementId, String type, String state, long key) {
    // ElementInstanceResult; see DOCS + "search-element-instances/"
    return """
        {"processDefinitionId":"escrow-lifecycle","startDate":"2026-12-01T08:00:00.000Z",%s"elementId":"%s","elementName":"%s",
         "type":"%s","state":"%s","hasIncident":false,"tenantId":"<default>","elementInstanceKey":"%d",
         "processInstanceKey":"%d","processDefinitionKey":"%d"}
        """.formatted("ACTIVE".equals(state) ? "" : "\"endDate\":\"2026-12-01T09:00:00.000Z\",", elementId, elementId, type, state, key,
        INSTANCE, DEFINITION);
  }

  @Test
  void theDiagramIsTheVersionTheDealsInstanceRuns() {
    stubInstanceAndXml();

    byte[] first = diagrams.xmlOfInstance(INSTANCE);
    byte[] again = diagrams.xmlOfInstance(INSTANCE);

    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(VERSION_2);
    assertThat(again).isEqualTo(first);
    // A deployed version never changes: asked once.
    engine.verify(1, getRequestedFor(urlPathEqualTo("/v2/process-instances/" + INSTANCE)));
    engine.verify(1, getRequestedFor(urlPathEqualTo("/v2/process-definitions/" + DEFINITION + "/xml")));
  }

  @Test
  void anInstanceTheIndexHasNotSeenYetShowsTheBundledDiagram() {
    // DOCS + "get-process-instance/": 404 while the (eventually consistent) index has not seen the instance.
    engine.stubFor(get("/v2/process-instances/" + INSTANCE).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"Process instance with key '"
            + INSTANCE + "' not found\",\"instance\":\"/v2/process-instances/" + INSTANCE + "\"}")));

    String xml = new String(diagrams.xmlOfInstance(INSTANCE), StandardCharsets.UTF_8);

    assertThat(xml).contains("id=\"" + EscrowProcess.PROCESS_ID + "\"").isNotEqualTo(VERSION_2);
    assertThat(new String(diagrams.xml(new Deal()), StandardCharsets.UTF_8)).isEqualTo(xml);
  }

  @Test
  void progressComesFromTheElementInstanceSearch() {
    stubInstanceAndXml();
    // DOCS + "search-element-instances/": POST /v2/element-instances/search {filter:{processInstanceKey}, page}
    engine.stubFor(post("/v2/element-instances/search").willReturn(okJson("""
        {"items":[%s,%s,%s,%s],"page":{"totalItems":4,"hasMoreTotalItems":false,"startCursor":"a","endCursor":"b"}}
        """.formatted(element("escrow-lifecycle", "PROCESS", "ACTIVE", 1), element("Start", "START_EVENT", "COMPLETED", 2),
        element("Task_Pay", "SERVICE_TASK", "COMPLETED", 3), element("Wait_Ship", "RECEIVE_TASK", "ACTIVE", 4)))));

    DealProgress.Steps steps = progress.stepsOf(INSTANCE);

    assertThat(steps.active()).containsExactly("Wait_Ship");
    // Flows taken: both ends reached. Flow_Cancel's target was never reached; the process itself is no step.
    assertThat(steps.done()).containsExactlyInAnyOrder("Start", "Task_Pay", "Flow_1", "Flow_2");
    // element-instance filters take the key as a plain value (ElementInstanceFilter has no advanced form in 8.8)
    engine.verify(postRequestedFor(urlPathEqualTo("/v2/element-instances/search"))
        .withRequestBody(matchingJsonPath("$.filter.processInstanceKey", equalTo(Long.toString(INSTANCE))))
        .withRequestBody(matchingJsonPath("$.page.limit", equalTo("100"))));
    assertThat(progress.of(new Deal())).isEqualTo(DealProgress.Steps.UNKNOWN);
  }

  @Test
  void aTerminatedElementIsNeitherActiveNorDone() {
    stubInstanceAndXml();
    engine.stubFor(post("/v2/element-instances/search").willReturn(okJson("""
        {"items":[%s,%s],"page":{"totalItems":2,"hasMoreTotalItems":false,"startCursor":"a","endCursor":"b"}}
        """.formatted(element("Start", "START_EVENT", "COMPLETED", 2), element("Task_Pay", "SERVICE_TASK", "TERMINATED", 3)))));

    DealProgress.Steps steps = progress.stepsOf(INSTANCE);

    assertThat(steps.active()).isEmpty();
    assertThat(steps.done()).containsExactly("Start");
  }
}
