package id.rekber.platform;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Technical failures in workers are retried with exponential back-off (1 s, 2 s, 4 s … capped at a
 * minute) until the task's retries run out; then the engine raises an incident. Without this the
 * client fails a job with no back-off, and a short database hiccup would burn all retries at once.
 * Business outcomes are BPMN errors and pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
class RetryWithBackoff {
  private static final Logger log = LoggerFactory.getLogger(RetryWithBackoff.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final int MODEL_RETRIES = 5;

  @Bean
  JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
      CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
    DefaultJobExceptionHandlingStrategy standard = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    return (exception, context) -> {
      if (exception instanceof BpmnError || exception instanceof JobError) {
        standard.handleException(exception, context);
        return;
      }
      int retriesLeft = Math.max(0, context.job().getRetries() - 1);
      Duration backoff = backoff(retriesLeft);
      log.warn(
          "Job {} ({}) failed, {} retries left, next in {}: {}",
          context.job().getKey(), context.job().getType(), retriesLeft, backoff, exception.toString());
      standard.handleException(
          CamundaError.jobError(String.valueOf(exception), null, retriesLeft, backoff, exception), context);
    };
  }

  static Duration backoff(int retriesLeft) {
    int attempt = Math.max(0, MODEL_RETRIES - retriesLeft - 1);
    Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 10));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
