package id.rekber.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Single-node mode draws the bundled lifecycle and reads progress from the embedded engine's
 * records; cluster mode asks the cluster for the instance's definition and its element instances.
 */
class DealDiagramModeTest {
  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(CamundaClient.class, () -> CamundaClient.newClientBuilder().restAddress(URI.create("http://127.0.0.1:1"))
          .grpcAddress(URI.create("http://127.0.0.1:1")).credentialsProvider(new NoopCredentialsProvider()).build())
      .withUserConfiguration(BundledDealDiagram.class, DeployedDealDiagram.class, EngineDealProgress.class, ClusterDealProgress.class);

  @Test
  void singleNodeModeDrawsTheBundledFileWithTheEnginesRecords() {
    runner.run(context -> {
      assertThat(context.getBean(DealDiagramSource.class)).isInstanceOf(BundledDealDiagram.class);
      assertThat(context.getBean(DealProgress.class)).isInstanceOf(EngineDealProgress.class);
      assertThat(context).doesNotHaveBean(DeployedDealDiagram.class).doesNotHaveBean(ClusterDealProgress.class);
      try (InputStream file = getClass().getResourceAsStream("/models/processes/" + EscrowProcess.PROCESS_ID + ".bpmn")) {
        assertThat(context.getBean(DealDiagramSource.class).xml(new Deal())).isEqualTo(file.readAllBytes());
      }
    });
  }

  @Test
  void clusterModeDrawsTheDeployedVersionWithElementInstances() {
    runner.withPropertyValues("rekber.mode=cluster").run(context -> {
      assertThat(context.getBean(DealDiagramSource.class)).isInstanceOf(DeployedDealDiagram.class);
      assertThat(context.getBean(DealProgress.class)).isInstanceOf(ClusterDealProgress.class);
      assertThat(context).doesNotHaveBean(BundledDealDiagram.class).doesNotHaveBean(EngineDealProgress.class);
    });
  }
}
