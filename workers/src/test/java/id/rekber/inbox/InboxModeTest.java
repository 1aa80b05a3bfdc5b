package id.rekber.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.DeployedModels;
import io.camunda.client.CamundaClient;
import io.camunda.client.impl.NoopCredentialsProvider;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Single-node mode works job-worker tasks from the task table; cluster mode Camunda user tasks over REST. */
class InboxModeTest {
  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(ObjectMapper.class, ObjectMapper::new)
      .withBean(Clock.class, Clock::systemUTC)
      .withBean(CamundaClient.class, () -> CamundaClient.newClientBuilder().restAddress(URI.create("http://127.0.0.1:1"))
          .grpcAddress(URI.create("http://127.0.0.1:1")).credentialsProvider(new NoopCredentialsProvider()).build())
      // The table is only needed by the single-node inbox; its content plays no part here.
      .withBean(UserTaskRepository.class, () -> Mockito.mock(UserTaskRepository.class))
      .withBean(DeployedModels.class)
      .withBean(FormValidator.class, () -> new FormValidator(new ObjectMapper()))
      .withBean(FormFields.class, () -> new FormFields(new ObjectMapper()))
      .withBean(CaseContexts.class, () -> new CaseContexts(List.of()))
      .withUserConfiguration(JobWorkerInbox.class, ClusterInbox.class, ClusterTasks.class);

  @Test
  void singleNodeModeIsTheDefaultAndUsesTheJobWorkerInbox() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(Inbox.class);
      assertThat(context.getBean(Inbox.class)).isInstanceOf(JobWorkerInbox.class);
      assertThat(context).doesNotHaveBean(ClusterTasks.class);
    });
  }

  @Test
  void clusterModeUsesTheClusterInbox() {
    runner.withPropertyValues("rekber.mode=cluster").run(context -> {
      assertThat(context).hasSingleBean(Inbox.class);
      assertThat(context.getBean(Inbox.class)).isInstanceOf(ClusterInbox.class);
      assertThat(context).doesNotHaveBean(JobWorkerInbox.class);
    });
  }

  @Test
  void anUnknownModeStopsTheStart() {
    runner.withPropertyValues("rekber.mode=clustr").run(context -> assertThat(context).hasFailed());
  }
}
