package dev.scopegate.limits.redis;

import dev.scopegate.limits.redis.BucketScript.ScriptReply;

/**
 * One key's local allowance on this replica (web3-proxy's deferred rate limiter is the model):
 * calls answered here, without waiting for Redis, while Redis's last answer shows room to spare,
 * then debited in Redis by a background script. Tokens granted here and not yet debited
 * ({@code pending} + {@code sending}) never exceed the {@code limit} the caller passes, which is
 * what bounds the over-admission (docs/limits-redis.md). Thread-safe: takes come from every event
 * loop; each method is a few arithmetic steps under the lock.
 */
final class Allowance {
  private double tokens;
  private double tokensAt = Double.NEGATIVE_INFINITY;
  private long pending;
  private long sending;
  private boolean flushing;
  private volatile double perSecond;
  private volatile long capacity;

  /**
   * Grants {@code amount} here if Redis's last answer (less what is not debited yet) keeps at
   * least {@code limit} tokens after it — near empty, the check waits for Redis, as web3-proxy's
   * does near its limit — and the undebited tokens stay within {@code limit}.
   */
  synchronized boolean tryLocal(long amount, long limit, double perSecond, long capacity) {
    this.perSecond = perSecond;
    this.capacity = capacity;
    long undebited = pending + sending;
    if (tokensAt == Double.NEGATIVE_INFINITY || undebited + amount > limit || tokens - undebited - amount < limit) {
      return false;
    }
    pending += amount;
    return true;
  }

  /** The tokens to debit with a script about to run (they count as being sent until it answers). */
  synchronized long beginSync() {
    long debit = pending;
    pending = 0;
    sending += debit;
    return debit;
  }

  /** Redis counted {@code debit}; its answer replaces an older one (scripts may answer out of order). */
  synchronized void endSync(long debit, ScriptReply reply) {
    sending -= debit;
    if (reply.atMicros() > tokensAt) {
      tokens = reply.tokens();
      tokensAt = reply.atMicros();
    }
  }

  /**
   * The script failed: {@code debit} goes back to pending (sent again later; if the lost script
   * did run, it is counted twice — too strict, never too lax), and what Redis last said is
   * forgotten so that the next calls ask Redis.
   */
  synchronized void failSync(long debit) {
    sending -= debit;
    pending += debit;
    tokensAt = Double.NEGATIVE_INFINITY;
  }

  /** Starts a background debit unless one is running or nothing is pending: the tokens, else -1. */
  synchronized long beginFlush() {
    if (flushing || pending == 0) {
      return -1;
    }
    flushing = true;
    return beginSync();
  }

  synchronized void endFlush() {
    flushing = false;
  }

  synchronized long pending() {
    return pending;
  }

  double perSecond() {
    return perSecond;
  }

  long capacity() {
    return capacity;
  }
}
