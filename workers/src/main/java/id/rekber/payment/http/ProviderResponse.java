package id.rekber.payment.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A provider's answer: the HTTP status and the JSON body (a missing node when the body is not JSON). */
public record ProviderResponse(int status, JsonNode body) {
  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public String text(String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  static ProviderResponse empty(int status) {
    return new ProviderResponse(status, MissingNode.getInstance());
  }
}
