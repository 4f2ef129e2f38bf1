package dev.scopegate.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;

/**
 * The default logging: one line per event on standard error, {@code LOG_LEVEL} (system property
 * or environment variable, default INFO) for the root logger, Netty and Vert.x at WARN. Built in
 * code rather than read from a logback.xml: logback's XML configurator parses with the JDK's XML
 * stack and reflection, about 600 classes and a tenth of the time to ready.
 *
 * <p>A configuration of one's own still wins: with {@code -Dlogback.configurationFile=…} (or a
 * {@code logback-test.xml} on the class path) this defers to logback's own configurators.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    install(context, level(setting("LOG_LEVEL")));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Standard error at {@code level}, Netty and Vert.x at WARN. */
  static void install(LoggerContext context, Level level) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    context.getLogger("io.netty").setLevel(Level.WARN);
    context.getLogger("io.vertx").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(stderr);
  }

  /** As logback.xml's {@code ${LOG_LEVEL:-INFO}}: a system property first, then the environment. */
  static Optional<String> setting(String name) {
    return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)));
  }

  static Level level(Optional<String> name) {
    return Level.toLevel(name.map(String::trim).orElse(""), Level.INFO);
  }
}
