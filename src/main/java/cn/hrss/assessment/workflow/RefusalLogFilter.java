package cn.hrss.assessment.workflow;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

/**
 * Expected refusals are not errors (issue 16, item 5). A task completion or start form that the server-side checks
 * refuse (a {@link FormFieldValidationException}: the officer sees the Chinese reason under the form) made Camunda
 * log {@code ENGINE-16004 Exception while closing command context} at ERROR with a stack trace, hundreds of lines an
 * operator would take for faults. This filter drops exactly those events and logs one INFO line instead; every other
 * ENGINE-16004 (a failing delegate, a mail server down) stays at ERROR.
 *
 * <p>Installed in {@code logback-spring.xml}.
 */
public class RefusalLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  static final String REFUSALS = "cn.hrss.assessment.workflow.Refusals";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    FormFieldValidationException refusal = refusal(thrown);
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    logger.getLoggerContext().getLogger(REFUSALS)
        .info("Refused as invalid input (answered 400): {}", oneLine(refusal.getMessage()));
    return FilterReply.DENY;
  }

  private static FormFieldValidationException refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("[\\r\\n]+", " ");
  }
}
