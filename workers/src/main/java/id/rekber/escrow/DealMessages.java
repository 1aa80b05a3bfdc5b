package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes the messages that move a deal's process. Every message has an id, so a double click or
 * a retried callback is dropped by the engine instead of being delivered twice.
 */
@Component
public class DealMessages {
  @ModelReference(Kind.MESSAGE)
  public static final String DEAL_ACCEPTED = "DealAccepted";
  @ModelReference(Kind.MESSAGE)
  public static final String DEAL_DECLINED = "DealDeclined";
  /** Withdrawal or cancellation before any money is held; one party suffices. */
  @ModelReference(Kind.MESSAGE)
  public static final String DEAL_CANCELLED = "DealCancelled";
  /** Both parties agreed to cancel after payment; a different name, so a buffered one-sided
   * cancellation can never be taken for it. */
  @ModelReference(Kind.MESSAGE)
  public static final String CANCELLATION_AGREED = "CancellationAgreed";
  @ModelReference(Kind.MESSAGE)
  public static final String PAYMENT_RECEIVED = "PaymentReceived";
  @ModelReference(Kind.MESSAGE)
  public static final String GOODS_SHIPPED = "GoodsShipped";
  @ModelReference(Kind.MESSAGE)
  public static final String GOODS_DELIVERED = "GoodsDelivered";
  @ModelReference(Kind.MESSAGE)
  public static final String GOODS_ACCEPTED = "GoodsAccepted";

  /** Long enough to bridge the moment between two wait states; short enough not to linger. */
  private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

  private final CamundaClient client;

  DealMessages(CamundaClient client) {
    this.client = client;
  }

  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(TIME_TO_LIVE)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  public void publish(String name, String dealId) {
    publish(name, dealId, name + ":" + dealId, Map.of());
  }
}
