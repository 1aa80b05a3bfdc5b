package id.rekber.platform;

import java.util.List;
import java.util.Locale;

/** Bahasa Indonesia is the default; English is the only other language. */
public final class Languages {
  public static final Locale INDONESIAN = Locale.forLanguageTag("id");
  public static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

  private Languages() {}

  /** The language of a request that did not pass through Spring MVC's locale resolver. */
  public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    return header == null || header.isBlank() ? INDONESIAN : supported(request.getLocale());
  }

  public static Locale supported(Locale requested) {
    if (requested != null && "en".equals(requested.getLanguage())) {
      return Locale.ENGLISH;
    }
    return INDONESIAN;
  }
}
