package id.rekber.escrow;

/** Ids in processes/escrow-lifecycle.bpmn that code refers to. */
public final class EscrowProcess {
  public static final String PROCESS_ID = "escrow-lifecycle";
  public static final String AWAIT_COUNTERPARTY = "Gateway_AwaitCounterparty";
  public static final String AWAIT_PAYMENT = "Gateway_AwaitPayment";
  public static final String AWAIT_SHIPMENT = "Gateway_AwaitShipment";
  public static final String AWAIT_DELIVERY = "Gateway_AwaitDelivery";
  public static final String AWAIT_BUYER_VERDICT = "Task_AwaitBuyerVerdict";
  public static final String AWAIT_DISPUTE_RESOLUTION = "Task_MediateDispute";
  public static final String JOIN_REFUND = "Gateway_JoinRefund";
  public static final String PAY_OUT_TO_SELLER = "Task_PayOutToSeller";
  public static final String PAY_OUT_REFUND = "Task_PayOutRefund";
  public static final String CREATE_PAYMENT_INVOICE = "Task_CreatePaymentInvoice";
  public static final String MARK_FUNDS_HELD = "Task_MarkFundsHeld";
  public static final String MARK_DEAL_COMPLETED = "Task_MarkDealCompleted";
  public static final String MARK_REFUND_PAID = "Task_MarkRefundPaid";
  public static final String SPLIT_PAYOUTS = "Gateway_SplitPayouts";

  private EscrowProcess() {}
}
