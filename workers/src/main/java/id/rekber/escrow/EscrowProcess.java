package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;

/** Ids in processes/escrow-lifecycle.bpmn that code refers to. */
public final class EscrowProcess {
  @ModelReference(Kind.PROCESS)
  public static final String PROCESS_ID = "escrow-lifecycle";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_COUNTERPARTY = "Gateway_AwaitCounterparty";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_PAYMENT = "Gateway_AwaitPayment";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_SHIPMENT = "Gateway_AwaitShipment";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_DELIVERY = "Gateway_AwaitDelivery";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_BUYER_VERDICT = "Task_AwaitBuyerVerdict";
  @ModelReference(Kind.ELEMENT)
  public static final String AWAIT_DISPUTE_RESOLUTION = "Task_MediateDispute";
  @ModelReference(Kind.ELEMENT)
  public static final String JOIN_REFUND = "Gateway_JoinRefund";
  @ModelReference(Kind.ELEMENT)
  public static final String PAY_OUT_TO_SELLER = "Task_PayOutToSeller";
  @ModelReference(Kind.ELEMENT)
  public static final String PAY_OUT_REFUND = "Task_PayOutRefund";
  @ModelReference(Kind.ELEMENT)
  public static final String CREATE_PAYMENT_INVOICE = "Task_CreatePaymentInvoice";
  @ModelReference(Kind.ELEMENT)
  public static final String MARK_FUNDS_HELD = "Task_MarkFundsHeld";
  @ModelReference(Kind.ELEMENT)
  public static final String MARK_DEAL_COMPLETED = "Task_MarkDealCompleted";
  @ModelReference(Kind.ELEMENT)
  public static final String MARK_REFUND_PAID = "Task_MarkRefundPaid";
  @ModelReference(Kind.ELEMENT)
  public static final String JOIN_RELEASE = "Gateway_JoinRelease";
  @ModelReference(Kind.ELEMENT)
  public static final String JOIN_DISPUTE = "Gateway_JoinDispute";
  @ModelReference(Kind.ELEMENT)
  public static final String SPLIT_PAYOUTS = "Gateway_SplitPayouts";

  private EscrowProcess() {}
}
