package id.rekber.escrow;

import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.platform.Rupiah;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Asks the engine's DMN decision (processes/escrow-fee.dmn) what a deal costs. */
@Component
public class FeeCalculator {
  @ModelReference(Kind.DECISION)
  static final String DECISION_ID = "Decision_EscrowFee";

  private final CamundaClient client;
  private final ObjectMapper json;

  FeeCalculator(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  public FeeQuote quote(long amount, FeePayer payer) {
    String output =
        client
            .newEvaluateDecisionCommand()
            .decisionId(DECISION_ID)
            .variables(Map.of("amount", amount))
            .send()
            .join()
            .getDecisionOutput();
    return FeeQuote.of(parseFee(output, json), payer);
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
