package id.rekber.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** NUL characters are refused wherever they hide in a JSON body: typed fields, free-form maps, keys. */
class NulCharacterGuardTest {
  private final ObjectMapper json = mapper();

  private static ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
    NulCharacterGuard.refuseNulInJson().customize(builder);
    return builder.build();
  }

  record Shipment(String courier, String trackingNumber) {}

  @Test
  void typedTextFields() {
    assertRefused(() -> json.readValue("{\"courier\":\"JNE\\u0000\",\"trackingNumber\":\"x\"}", Shipment.class));
  }

  @Test
  void valuesOfFreeFormMapsAtAnyDepth() throws Exception {
    TypeReference<Map<String, Object>> form = new TypeReference<>() {};
    assertRefused(() -> json.readValue("{\"reason\":\"a\\u0000b\"}", form));
    assertRefused(() -> json.readValue("{\"note\":{\"deep\":[1,\"x\\u0000\"]}}", form));
    assertRefused(() -> json.readValue("[\"\\u0000\"]", new TypeReference<List<Object>>() {}));
    Map<String, Object> fine = json.readValue("{\"reason\":\"Sepatu\",\"offerAmount\":50000,\"list\":[1,2.5,null,true]}", form);
    assertThat(fine).containsEntry("reason", "Sepatu").containsEntry("offerAmount", 50000);
  }

  @Test
  void keys() {
    assertRefused(() -> json.readValue("{\"\\u0000\":\"x\"}", new TypeReference<Map<String, String>>() {}));
    assertRefused(() -> json.readValue("{\"a\\u0000\":1}", new TypeReference<Map<String, Object>>() {}));
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read) {
    assertThatThrownBy(read)
        .isInstanceOf(InvalidFormatException.class)
        .satisfies(e -> assertThat(NulCharacterGuard.isNulRefusal(e)).as("recognised as a NUL refusal").isTrue());
  }
}
