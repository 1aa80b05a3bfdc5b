package id.rekber.notification;

import id.rekber.platform.Rupiah;
import id.rekber.platform.Languages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mails Rekber writes. Each mail is a Thymeleaf text template per language,
 * {@code templates/mail/<language>/<name>.txt} (for example {@code mail/en/deal/DIKIRIM.BUYER.txt}):
 * the first line is the subject, then an empty line, then the body. Callers pass named variables;
 * a template shows them with {@code [(${item})]}. Times ({@link Instant}) are shown in WIB and
 * amounts ({@link Rupiah}) as Rp 1.250.000, in the recipient's language; {@code null} shows as
 * nothing. Bahasa Indonesia is the default and has every mail; a mail missing in English is sent in
 * Bahasa Indonesia.
 */
@Component
public class MailTemplates {
  static final String LOCATION = "templates/mail/";

  private final SpringTemplateEngine engine = new SpringTemplateEngine(); // SpEL, as on the pages; not the pages' engine

  MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
    resolver.setPrefix(LOCATION);
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** Whether there is a mail called {@code name} (e.g. {@code deal/DIKIRIM.BUYER}); not every step mails every party. */
  public boolean exists(String name) {
    return resource(Languages.INDONESIAN, name).exists();
  }

  public Mail render(String name, Locale recipientLocale, Map<String, ?> variables) {
    Locale locale = Languages.supported(recipientLocale);
    Locale language = resource(locale, name).exists() ? locale : Languages.INDONESIAN;
    Map<String, Object> shown = new HashMap<>();
    variables.forEach((key, value) -> shown.put(key, shown(value, locale)));
    String text = engine.process(language.getLanguage() + "/" + name, new Context(locale, shown));
    int blank = text.indexOf("\n\n");
    if (blank < 0) {
      throw new IllegalStateException("mail template " + name + " has no empty line between subject and body");
    }
    return new Mail(text.substring(0, blank).strip(), text.substring(blank + 2).stripTrailing());
  }

  private static Object shown(Object value, Locale locale) {
    if (value instanceof Instant instant) {
      return Formats.wib(instant, locale);
    }
    if (value instanceof Rupiah amount) {
      return amount.toString();
    }
    return value;
  }

  private static ClassPathResource resource(Locale language, String name) {
    return new ClassPathResource(LOCATION + language.getLanguage() + "/" + name + ".txt", MailTemplates.class.getClassLoader());
  }

  public record Mail(String subject, String body) {}
}
