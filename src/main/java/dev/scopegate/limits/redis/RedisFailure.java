package dev.scopegate.limits.redis;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Why Redis did not answer a check; the metric's {@code reason} tag (a bounded set). */
public enum RedisFailure {
  /** No answer within the check's timeout. */
  TIMEOUT,
  /** The connection failed, closed or could not be had. */
  CONNECTION,
  /** Redis answered with an error (a wrong password, a script error). */
  REPLY,
  /** Not asked: Redis is known down and the probe has not seen it back yet. */
  DOWN;

  static RedisFailure of(Throwable error) {
    if (error instanceof TimeoutException || error instanceof ConnectTimeoutException) {
      return TIMEOUT;
    }
    // The client's type for Redis's error replies ("-ERR …"); everything else is the connection's.
    return error instanceof ErrorType ? REPLY : CONNECTION;
  }

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
