package dev.scopegate.observe;

/** The metrics port cannot be served; the message names the key and what went wrong. */
public final class MetricsStartException extends RuntimeException {
  public MetricsStartException(String host, int port, Throwable cause) {
    super("metrics.port " + port + " on " + host + ": cannot listen: " + reason(cause), cause);
  }

  private static String reason(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
