package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The logging the jar configures in code (what its logback.xml used to say). */
class LogSetupTest {
  @Test
  void standardErrorWithThePatternNettyAndVertxAtWarn() {
    LoggerContext context = new LoggerContext();
    LogSetup.install(context, Level.INFO);
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.INFO, root.getLevel());
    var stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
    assertEquals("System.err", stderr.getTarget());
    assertEquals(LogSetup.PATTERN, ((PatternLayoutEncoder) stderr.getEncoder()).getPattern());
    assertEquals(Level.WARN, context.getLogger("io.netty").getLevel());
    assertEquals(Level.WARN, context.getLogger("io.vertx").getLevel());
    context.stop();
  }

  @Test
  void logLevelNamesTheLevelAndAnythingElseIsInfo() {
    assertEquals(Level.DEBUG, LogSetup.level(Optional.of("DEBUG")));
    assertEquals(Level.DEBUG, LogSetup.level(Optional.of(" debug ")));
    assertEquals(Level.INFO, LogSetup.level(Optional.empty()));
    assertEquals(Level.INFO, LogSetup.level(Optional.of("")));
    assertEquals(Level.INFO, LogSetup.level(Optional.of("loud")));
  }
}
