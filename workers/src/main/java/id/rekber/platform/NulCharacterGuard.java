package id.rekber.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * No text with a NUL character gets in: PostgreSQL cannot store it, so it would surface as a 500
 * long after the request was accepted. JSON bodies are refused as unreadable (400
 * {@code request.text-nul}), whether the text is a typed field, a value of a free-form map or a map
 * key; form and query values become a field error.
 */
@ControllerAdvice
public class NulCharacterGuard {

  @InitBinder
  void refuseNulInFormValues(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        if (containsNul(text)) {
          throw new IllegalArgumentException("text contains a NUL character");
        }
        setValue(text);
      }
    });
  }

  @Bean
  static Jackson2ObjectMapperBuilderCustomizer refuseNulInJson() {
    SimpleModule module = new SimpleModule("rekber-nul-guard");
    module.addDeserializer(String.class, new StringDeserializer() {
      @Override
      public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (containsNul(value)) {
          throw new InvalidFormatException(parser, "text contains a NUL character", value, String.class);
        }
        return value;
      }
    });
    // Free-form bodies (Map<String, Object>, as the dispute forms take) and map keys: the same rule.
    module.addDeserializer(Object.class, new StdDeserializer<Object>(Object.class) {
      // Jackson's own, unresolved: maps, lists, text and numbers the plain way, nothing custom.
      private final UntypedObjectDeserializer untyped = new UntypedObjectDeserializer(null, null);

      @Override
      public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Object value = untyped.deserialize(parser, context);
        String nul = firstNulText(value);
        if (nul != null) {
          throw new InvalidFormatException(parser, "text contains a NUL character", nul, String.class);
        }
        return value;
      }
    });
    module.addKeyDeserializer(String.class, new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext context) throws IOException {
        if (containsNul(key)) {
          throw context.weirdKeyException(String.class, key, "text contains a NUL character");
        }
        return key;
      }
    });
    return builder -> builder.modulesToInstall(module);
  }

  /** The first text with a NUL character in a value Jackson built without a type (maps, lists, text). */
  private static String firstNulText(Object value) {
    if (value instanceof String text) {
      return containsNul(text) ? text : null;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        String found = firstNulText(e.getKey());
        if (found == null) {
          found = firstNulText(e.getValue());
        }
        if (found != null) {
          return found;
        }
      }
    }
    if (value instanceof java.util.List<?> list) {
      for (Object item : list) {
        String found = firstNulText(item);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static boolean containsNul(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /** Whether Jackson refused a body because of a NUL character (for the problem's message). */
  static boolean isNulRefusal(Throwable cause) {
    return cause instanceof InvalidFormatException invalid
        && invalid.getTargetType() == String.class
        && invalid.getValue() instanceof String value
        && containsNul(value);
  }
}
