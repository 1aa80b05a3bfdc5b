package id.rekber.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekber.escrow.MemberBenefits;
import id.rekber.platform.ModelReference;
import id.rekber.platform.ModelReference.Kind;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Asks the engine's decision (processes/membership-benefits.dmn) what a plan costs and gives. The
 * answer is kept for a minute: the fee quote, the inbox order and the dispute SLA ask often, and a
 * changed table need not apply to the second.
 */
@Component
public class BenefitsDecision {
  @ModelReference(Kind.DECISION)
  static final String DECISION_ID = "Decision_MembershipBenefits";
  private static final long KEEP_NANOS = Duration.ofMinutes(1).toNanos();

  private final CamundaClient client;
  private final ObjectMapper json;
  private final Map<Plan, Cached> cache = new ConcurrentHashMap<>();

  BenefitsDecision(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  public PlanTerms of(Plan plan) {
    long now = System.nanoTime();
    Cached hit = cache.get(plan);
    if (hit != null && now - hit.at() < KEEP_NANOS) {
      return hit.terms();
    }
    String output =
        client.newEvaluateDecisionCommand().decisionId(DECISION_ID).variables(Map.of("plan", plan.name())).send().join().getDecisionOutput();
    PlanTerms terms = parse(plan, output, json);
    cache.put(plan, new Cached(terms, now));
    return terms;
  }

  /** The decision's output row as plan terms; pure. */
  static PlanTerms parse(Plan plan, String output, ObjectMapper json) {
    try {
      JsonNode row = json.readTree(output);
      if (row == null || !row.isObject() || !row.path("price").isNumber()) {
        throw new IllegalStateException("membership benefits decision gave no row for " + plan + ": " + output);
      }
      MemberBenefits benefits =
          new MemberBenefits(
              plan.name(),
              row.path("feeRate").decimalValue(),
              row.path("feeMinimum").longValue(),
              row.path("feeCap").longValue(),
              row.path("instantPayout").asBoolean(false),
              Duration.ofHours(row.path("mediationSlaHours").asLong(72)),
              row.path("inboxPriority").asBoolean(false));
      return new PlanTerms(plan, row.path("price").longValue(), row.path("periodMonths").intValue(), benefits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Cached(PlanTerms terms, long at) {}
}
