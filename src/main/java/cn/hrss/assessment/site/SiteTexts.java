package cn.hrss.assessment.site;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing Chinese texts of the site feature (STYLE.md: texts in a message bundle, not in Java strings). */
final class SiteTexts {

  private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n/site", Locale.ROOT);

  static String text(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private SiteTexts() {}
}
