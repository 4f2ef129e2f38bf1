package dev.scopegate.identity;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what Scopegate logs while a test runs, at every level, to assert on it. */
final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger scopegate = (Logger) LoggerFactory.getLogger("dev.scopegate");
  private final Logger audit = (Logger) LoggerFactory.getLogger("scopegate.audit");
  private final ch.qos.logback.classic.Level scopegateLevel = scopegate.getLevel();
  private final ch.qos.logback.classic.Level auditLevel = audit.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    scopegate.setLevel(ch.qos.logback.classic.Level.DEBUG);
    audit.setLevel(ch.qos.logback.classic.Level.DEBUG);
    root.addAppender(appender);
  }

  /** Every line so far, formatted, with its level first. */
  synchronized List<String> lines() {
    return List.copyOf(appender.list).stream()
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage())
        .toList();
  }

  List<String> matching(String fragment) {
    return lines().stream().filter(l -> l.contains(fragment)).toList();
  }

  String all() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    scopegate.setLevel(scopegateLevel);
    audit.setLevel(auditLevel);
    appender.stop();
  }
}
