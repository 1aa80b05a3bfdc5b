package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @ClusterOnly} and {@code @SingleNodeOnly} beans exist in exactly one of the two modes. */
class ClusterOnlyTest {
  final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Beans.class);

  @Test
  void eachModeHasItsOwnBeans() {
    runner.run(context -> {
      assertThat(context).hasBean("singleNode").doesNotHaveBean("cluster");
    });
    runner.withPropertyValues("rekber.mode=single-node").run(context -> assertThat(context).hasBean("singleNode").doesNotHaveBean("cluster"));
    runner.withPropertyValues("rekber.mode=cluster").run(context -> assertThat(context).hasBean("cluster").doesNotHaveBean("singleNode"));
  }

  @Test
  void anUnknownModeStopsTheStart() {
    runner.withPropertyValues("rekber.mode=both").run(context -> assertThat(context).hasFailed());
    assertThatThrownBy(() -> SingleNode.isActive(new org.springframework.mock.env.MockEnvironment().withProperty("rekber.mode", "both")))
        .hasMessageContaining("single-node or cluster");
  }

  @Configuration
  static class Beans {
    @Bean
    @ClusterOnly
    String cluster() {
      return "cluster";
    }

    @Bean
    @SingleNodeOnly
    String singleNode() {
      return "single-node";
    }
  }
}
