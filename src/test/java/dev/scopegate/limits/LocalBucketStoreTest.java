package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final LocalBucketStore store = new LocalBucketStore(nanos::get);

  @Test
  void aFullBucketGrantsItsBurstThenRefusesWithTheWaitForTheMissingTokens() {
    for (int i = 0; i < 5; i++) {
      assertTrue(store.takeNow("t", 10, 5, 1).granted(), "take " + i);
    }
    Take refused = store.takeNow("t", 10, 5, 1);
    assertFalse(refused.granted());
    assertEquals(100, refused.retryAfterMillis());
  }

  @Test
  void tokensComeBackAtTheRateAndNeverBeyondCapacity() {
    assertTrue(store.takeNow("t", 10, 5, 5).granted());
    nanos.addAndGet(200_000_000L);
    assertTrue(store.takeNow("t", 10, 5, 2).granted());
    assertFalse(store.takeNow("t", 10, 5, 1).granted());
    nanos.addAndGet(3_600_000_000_000L);
    assertTrue(store.takeNow("t", 10, 5, 5).granted());
    assertFalse(store.takeNow("t", 10, 5, 1).granted());
  }

  @Test
  void aRefusedTakeRemovesNothingAndKeysAreSeparate() {
    assertTrue(store.takeNow("a", 1, 3, 2).granted());
    assertFalse(store.takeNow("a", 1, 3, 2).granted());
    assertTrue(store.takeNow("a", 1, 3, 1).granted());
    assertTrue(store.takeNow("b", 1, 3, 3).granted());
  }

  @Test
  void moreThanTheCapacityIsNeverGranted() {
    Take take = store.takeNow("t", 100, 5, 6);
    assertFalse(take.granted());
    assertTrue(take.retryAfterMillis() > 3_600_000L);
  }
}
