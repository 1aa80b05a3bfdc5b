package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import id.rekber.platform.EngineCommands;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The messages that move a deal's process, published through the engine outbox. Every message has
 * an id, so a double click or a retried callback is written and delivered once.
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

  /** Service deals (decision 43): correlation key {@code <deal id>#<milestone>}. */
  @ModelReference(Kind.MESSAGE)
  public static final String MILESTONE_DELIVERED = "MilestoneDelivered";
  @ModelReference(Kind.MESSAGE)
  public static final String MILESTONE_ACCEPTED = "MilestoneAccepted";
  @ModelReference(Kind.MESSAGE)
  public static final String MILESTONE_DISPUTED = "MilestoneDisputed";
  /** A milestone's own payment arrived (decision 46). */
  @ModelReference(Kind.MESSAGE)
  public static final String MILESTONE_PAID = "MilestonePaid";

  private final EngineCommands commands;

  DealMessages(EngineCommands commands) {
    this.commands = commands;
  }

  /** Written to the engine outbox in the caller's transaction; sent once it commits. */
  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    commands.publish(name, correlationKey, messageId, variables);
  }

  public void publish(String name, String dealId) {
    publish(name, dealId, name + ":" + dealId, Map.of());
  }
}
