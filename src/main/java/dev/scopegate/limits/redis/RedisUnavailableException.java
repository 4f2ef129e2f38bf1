package dev.scopegate.limits.redis;

/**
 * A check Redis could not answer under {@link RedisFailurePolicy#REFUSE}: the limiter must refuse
 * the call as retriable (the shared limits are unknown, so the call is not let through), and may
 * advise the client to retry after {@link #retryAfterMillis()}. The message names no key.
 */
public final class RedisUnavailableException extends RuntimeException {
  private final RedisFailure reason;
  private final long retryAfterMillis;

  RedisUnavailableException(RedisFailure reason, long retryAfterMillis) {
    super("shared rate limits unavailable (" + reason.tag() + "); retry", null, false, false);
    this.reason = reason;
    this.retryAfterMillis = retryAfterMillis;
  }

  public RedisFailure reason() {
    return reason;
  }

  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
