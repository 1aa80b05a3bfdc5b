package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.Rupiah;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Asks the engine's DMN decision (processes/escrow-fee.dmn) what a deal costs. */
@Component
public class FeeCalculator {
  @ModelReference(Kind.DECISION)
  static final String DECISION_ID = "Decision_EscrowFee";

  @ModelReference(Kind.DECISION)
  static final String PARTNER_DECISION_ID = "Decision_PartnerFee";

  private final CamundaClient client;
  private final ObjectMapper json;

  FeeCalculator(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  public FeeQuote quote(long amount, FeePayer payer) {
    return quote(amount, payer, Optional.empty(), null);
  }

  /**
   * The fee of a new deal: escrow-fee.dmn, at the member rate when a party is a premium member;
   * for a deal a partner creates, partner-fee.dmn's fee when it names one and it is lower.
   */
  public FeeQuote quote(long amount, FeePayer payer, Optional<MemberBenefits> member, String partner) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("amount", amount);
    variables.put("premiumRate", member.map(MemberBenefits::feeRate).orElse(null));
    variables.put("premiumMinimum", member.map(MemberBenefits::feeMinimum).orElse(null));
    variables.put("premiumCap", member.map(MemberBenefits::feeCap).orElse(null));
    long fee = parseFee(evaluate(DECISION_ID, variables), json);
    if (partner == null) {
      return FeeQuote.of(fee, payer);
    }
    Optional<Long> partnerFee = parseOptionalFee(evaluate(PARTNER_DECISION_ID, Map.of("partner", partner, "amount", amount)), json);
    return FeeQuote.of(partnerFee.map(p -> Math.min(p, fee)).orElse(fee), payer);
  }

  private String evaluate(String decisionId, Map<String, Object> variables) {
    return client.newEvaluateDecisionCommand().decisionId(decisionId).variables(variables).send().join().getDecisionOutput();
  }

  /** A decision that may answer null ("no special fee"). */
  static Optional<Long> parseOptionalFee(String output, ObjectMapper json) {
    try {
      JsonNode node = json.readTree(output);
      JsonNode fee = node.isObject() ? node.get("fee") : node;
      return fee == null || fee.isNull() ? Optional.empty() : Optional.of(parseFee(output, json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision's output ({@code {"fee": 2500}} or a bare number) as whole rupiah; pure, unit-tested. */
  static long parseFee(String output, ObjectMapper json) {
    try {
      JsonNode node = json.readTree(output);
      JsonNode fee = node.isObject() ? node.get("fee") : node;
      return Optional.ofNullable(fee)
          .filter(JsonNode::isNumber)
          .flatMap(f -> Rupiah.exact(f.decimalValue()))
          .orElseThrow(() -> new IllegalStateException("fee decision returned no whole rupiah amount: " + output))
          .amount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
