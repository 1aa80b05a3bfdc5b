package id.rekber.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
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
 * {@code request.text-nul}); form and query values become a field error.
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
    return builder -> builder.modulesToInstall(module);
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
