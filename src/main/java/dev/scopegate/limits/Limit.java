package dev.scopegate.limits;

/** The limits a caller may run into, by the name configuration, claims and refusals use. */
public enum Limit {
  REQUESTS_PER_SECOND("requestsPerSecond"),
  BURST("burst"),
  CONCURRENT("concurrent"),
  COST_PER_SECOND("costPerSecond"),
  MAX_LOGS_BLOCK_RANGE("maxLogsBlockRange"),
  MAX_TRACE_TIMEOUT("maxTraceTimeout");

  private final String key;

  Limit(String key) {
    this.key = key;
  }

  /** The name in {@code limits.tenant.*}, in a {@code limits} claim and in a refusal. */
  public String key() {
    return key;
  }
}
