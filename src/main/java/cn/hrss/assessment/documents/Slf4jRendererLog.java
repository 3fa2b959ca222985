package cn.hrss.assessment.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through the application's logging. Left alone it prints every rendering's timings to standard
 * error with a console handler of its own ("com.openhtmltopdf.load INFO:: TIME: parse stylesheets …"), several lines
 * per receipt; here its INFO and finer are DEBUG, its warnings (a resource refused, a font missing) WARN under
 * {@code com.openhtmltopdf.*}, where an operator's logging configuration finds them.
 */
final class Slf4jRendererLog implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else {
      logger.debug(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are the logging configuration's (logback), not openhtmltopdf's.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || logger.isDebugEnabled();
  }
}
