package id.rekber.payment;

import java.util.Arrays;
import java.util.Optional;

/** How a buyer pays. Midtrans charges one of these at a time; Xendit's hosted invoice offers them all ({@link #INVOICE}). */
public enum PaymentMethod {
  BCA_VA("bca_va"),
  BNI_VA("bni_va"),
  BRI_VA("bri_va"),
  PERMATA_VA("permata_va"),
  ECHANNEL("echannel"),
  QRIS("qris"),
  GOPAY("gopay"),
  SHOPEEPAY("shopeepay"),
  INVOICE("invoice");

  private final String code;

  PaymentMethod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<PaymentMethod> fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }

  /** QRIS and e-wallet charges are short-lived; bank transfers may run to the payment deadline. */
  public boolean isWallet() {
    return this == QRIS || this == GOPAY || this == SHOPEEPAY;
  }
}
