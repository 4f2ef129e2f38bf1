package dev.scopegate.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the JVM while attached, with everything a line could print. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<ILoggingEvent> events = new ArrayList<>();

  static LogCapture attach() {
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
  List<String> lines() {
    return events().stream().map(LogCapture::text).toList();
  }

  List<String> messages(String logger) {
    return events().stream().filter(e -> e.getLoggerName().equals(logger))
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
