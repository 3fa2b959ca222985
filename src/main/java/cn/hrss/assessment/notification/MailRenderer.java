package cn.hrss.assessment.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the Chinese mail templates under {@code templates/mail/}. A template engine of its own, not the
 * web one: mail templates must not be reachable as pages and web settings (cache off in development,
 * prefix) must not change mails. The subject is the rendered {@code <title>}; user-supplied values are
 * escaped because the templates only use {@code th:text}.
 */
final class MailRenderer {

  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  /**
   * Deadlines are dates of the PRC calendar (working days, DOMAIN.md): shown as the day in the zone the
   * calendar counts in ({@code assessment.calendar.zone}, Beijing time by default).
   */
  private final ZoneId zone;
  /** Is a deadline computed on a provisional year (DOMAIN.md §6)? Then the mail says 暂定. */
  private final Predicate<LocalDate> provisional;

  MailRenderer(ZoneId zone) {
    this(zone, deadline -> false);
  }

  MailRenderer(ZoneId zone, Predicate<LocalDate> provisional) {
    this.zone = java.util.Objects.requireNonNull(zone, "zone");
    this.provisional = java.util.Objects.requireNonNull(provisional, "provisional");
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    engine.setTemplateResolver(resolver);
  }

  /** Rendered subject (without prefix), HTML body and its plain-text alternative. */
  record RenderedMail(String subject, String html) {

    String text() {
      return toText(html);
    }
  }

  RenderedMail render(String template, Map<String, Object> model) {
    if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
      throw new IllegalArgumentException("Invalid mail template name: " + template);
    }
    Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, normalized(model));
    String html = engine.process(template, context);
    Matcher title = TITLE.matcher(html);
    if (!title.find()) {
      throw new IllegalStateException("Mail template " + template + " has no <title> (the subject)");
    }
    String subject = HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").trim();
    if (subject.isEmpty()) {
      throw new IllegalStateException("Mail template " + template + " renders an empty subject");
    }
    return new RenderedMail(subject, html);
  }

  /**
   * {@code deadline} becomes a {@link LocalDate} whatever the caller passed (Date from a BPMN expression etc.), and
   * {@code deadlineProvisional} says whether it rests on a provisional year (unless the caller decided).
   */
  private Map<String, Object> normalized(Map<String, Object> model) {
    Map<String, Object> copy = new HashMap<>(model);
    Object deadline = copy.get("deadline");
    if (deadline != null) {
      LocalDate date = toLocalDate(deadline, zone);
      copy.put("deadline", date);
      copy.putIfAbsent("deadlineProvisional", provisional.test(date));
    }
    copy.putIfAbsent("deadlineProvisional", false);
    return copy;
  }

  static LocalDate toLocalDate(Object value, ZoneId zone) {
    if (value instanceof LocalDate date) {
      return date;
    } else if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    } else if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(zone).toLocalDate();
    } else if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(zone).toLocalDate();
    } else if (value instanceof Instant instant) {
      return instant.atZone(zone).toLocalDate();
    } else if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    } else if (value instanceof CharSequence text && text.length() >= 10) {
      return LocalDate.parse(text.subSequence(0, 10));
    }
    throw new IllegalArgumentException("deadline is not a date: " + value);
  }

  /** Plain-text alternative of a rendered HTML mail: block elements become lines, entities are decoded. */
  static String toText(String html) {
    String text = html
        .replaceAll("(?is)<head\\b.*?</head>", "")
        .replaceAll("(?is)<(style|script)\\b.*?</\\1>", "")
        .replaceAll("(?is)<!--.*?-->", "")
        .replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)<li\\b[^>]*>", "\n- ")
        .replaceAll("(?i)</?(p|div|h[1-6]|ul|ol|table|tr|header|footer|main|section|hr)\\b[^>]*>", "\n")
        .replaceAll("(?s)<[^>]*>", "");
    text = HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(line.replaceAll("[ \t\r]+", " ").trim()).append('\n');
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").trim() + "\n";
  }
}
