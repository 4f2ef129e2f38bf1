package dev.scopegate.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.limits.redis.BucketScript.ScriptReply;
import org.junit.jupiter.api.Test;

/** The local allowance's bound, without Redis: what a replica may grant before Redis counts it. */
class AllowanceTest {
  private static final long LIMIT = 5;
  private final Allowance allowance = new Allowance();

  private boolean take(long amount) {
    return allowance.tryLocal(amount, LIMIT, 1, 100);
  }

  private void redisSays(double tokens, double atMicros) {
    allowance.endSync(allowance.beginSync(), new ScriptReply(true, tokens, 0, atMicros));
  }

  @Test
  void withoutAnAnswerFromRedisNothingIsGrantedHere() {
    assertFalse(take(1));
  }

  @Test
  void grantsHereAtMostTheLimitUntilRedisHasCountedThem() {
    redisSays(100, 1);
    for (int i = 0; i < LIMIT; i++) {
      assertTrue(take(1), "take " + i);
    }
    assertFalse(take(1), "beyond the limit: ask Redis");
    long debit = allowance.beginSync();
    assertEquals(LIMIT, debit);
    assertFalse(take(1), "being sent still counts against the limit");
    allowance.endSync(debit, new ScriptReply(true, 100 - LIMIT, 0, 2));
    assertTrue(take(1));
  }

  @Test
  void nearEmptyEveryCallWaitsForRedis() {
    redisSays(LIMIT + 1, 1);
    assertTrue(take(1));
    assertFalse(take(1), "it would leave fewer than the limit in Redis's last answer");
    redisSays(-3, 2);
    assertFalse(take(1));
  }

  @Test
  void anOlderAnswerArrivingLateDoesNotReplaceANewerOne() {
    redisSays(2, 10);
    redisSays(100, 5);
    assertFalse(take(1));
  }

  @Test
  void aFailedScriptKeepsItsDebitPendingAndForgetsRedisLastAnswer() {
    redisSays(100, 1);
    assertTrue(take(3));
    long debit = allowance.beginSync();
    allowance.failSync(debit);
    assertEquals(3, allowance.pending());
    assertFalse(take(1), "after a failure, ask Redis");
  }

  @Test
  void oneBackgroundDebitAtATime() {
    redisSays(100, 1);
    assertTrue(take(2));
    assertEquals(2, allowance.beginFlush());
    assertTrue(take(1));
    assertEquals(-1, allowance.beginFlush());
    allowance.endFlush();
    assertEquals(1, allowance.beginFlush());
  }
}
