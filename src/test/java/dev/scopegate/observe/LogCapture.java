package dev.scopegate.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the JVM while attached, with everything a line could print. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<ILoggingEvent> events = new ArrayList<>();

  public static LogCapture attach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogCapture capture = new LogCapture();
    capture.setContext(context);
    capture.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
    return capture;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    events.add(event);
  }

  synchronized List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  /** Each event as all the text it carries: logger, message, key-values, MDC, stack trace. */
  public List<String> lines() {
    return events().stream().map(LogCapture::text).toList();
  }

  public List<String> messages(String logger) {
    return events().stream().filter(e -> e.getLoggerName().equals(logger))
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** WARN and ERROR events as "logger: message" (the logger's simple name). */
  public List<String> warnings() {
    return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .map(e -> e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1) + ": " + e.getFormattedMessage())
        .toList();
  }

  /** INFO events of {@code logger}. */
  public List<String> infos(String logger) {
    return events().stream().filter(e -> e.getLoggerName().equals(logger)
            && e.getLevel() == ch.qos.logback.classic.Level.INFO)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  static String text(ILoggingEvent e) {
    return e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getKeyValuePairs() + " "
        + e.getMDCPropertyMap() + " "
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
  }

  @Override
  public void close() {
    ((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
    stop();
  }
}
