package dev.scopegate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Silences logging while a failed start is torn down: the follower's and the sockets' complaints
 * about a stop in progress would bury the one line that says why the start failed.
 */
final class Quiet {
  private Quiet() {}

  static void teardown() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.addTurboFilter(new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level,
            String format, Object[] params, Throwable t) {
          return FilterReply.DENY;
        }
      });
    }
  }
}
