package dev.scopegate.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.scopegate.config.Config;
import org.slf4j.LoggerFactory;

/**
 * {@code log.format: json}: every appender of the root logger writes one JSON object per line
 * (logback's own {@link JsonEncoder}: level, logger, message, and the access and audit lines'
 * fields as {@code kvpList}), for log collectors. Process-wide, so applied by the command line,
 * never by a server (tests run many in one JVM).
 */
public final class LogFormat {
  private LogFormat() {}

  public static void apply(Config.Log log) {
    if (!log.json() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
      if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> out) {
        out.stop();
        out.setEncoder(json(context));
        out.start();
      }
    }
  }

  static JsonEncoder json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }
}
