package dev.scopegate.upstream.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * How the shared socket comes back: the first retry after {@code firstDelay}, doubling up to
 * {@code maxDelay}; a subscription not re-established within {@code giveUpAfter} of losing it is
 * ended.
 */
public record Reconnect(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {
  public static final Reconnect DEFAULT =
      new Reconnect(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));

  public Reconnect {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (firstDelay.toMillis() < 1 || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("need 1 ms <= firstDelay <= maxDelay");
    }
    if (giveUpAfter.toMillis() < 1) {
      throw new IllegalArgumentException("giveUpAfter must be at least 1 ms");
    }
  }
}
