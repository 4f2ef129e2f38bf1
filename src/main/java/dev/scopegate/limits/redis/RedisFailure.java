package dev.scopegate.limits.redis;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Why Redis did not answer a check; the metric's {@code reason} tag (a bounded set). */
public enum RedisFailure {
  /** No answer within the check's timeout. */
  TIMEOUT,
  /** The connection failed or closed. */
  CONNECTION,
  /** Redis answered with an error (or the client refused to send). */
  REPLY,
  /** Not asked: Redis is known down and the probe has not seen it back yet. */
  DOWN;

  static RedisFailure of(Throwable error) {
    if (error instanceof TimeoutException || error instanceof ConnectTimeoutException) {
      return TIMEOUT;
    }
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e instanceof IOException) {
        return CONNECTION;
      }
    }
    return REPLY;
  }

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
