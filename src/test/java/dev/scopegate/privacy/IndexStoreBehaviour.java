package dev.scopegate.privacy;

import static dev.scopegate.privacy.Facts.ALICE;
import static dev.scopegate.privacy.Facts.BOB;
import static dev.scopegate.privacy.Facts.CAROL;
import static dev.scopegate.privacy.Facts.address;
import static dev.scopegate.privacy.Facts.blockHash;
import static dev.scopegate.privacy.Facts.contract;
import static dev.scopegate.privacy.Facts.creating;
import static dev.scopegate.privacy.Facts.empty;
import static dev.scopegate.privacy.Facts.forkHash;
import static dev.scopegate.privacy.Facts.tx;
import static dev.scopegate.privacy.Facts.txHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IndexStore} does; each implementation's test runs these against it. */
abstract class IndexStoreBehaviour {
  private static final String A = address(1);
  private static final String B = address(2);

  protected IndexStore store;

  protected abstract IndexStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anEmptyStoreKnowsNothing() {
    assertEquals(Optional.empty(), store.head());
    assertEquals(Optional.empty(), store.blockHash(0));
    assertEquals(Optional.empty(), store.contract(A));
    assertEquals(Optional.empty(), store.transaction(txHash(1)));
  }

  @Test
  void appliedFactsReadBack() {
    store.apply(creating(7, A, ALICE, BOB));

    assertEquals(Optional.of(new IndexedBlock(7, blockHash(7))), store.head());
    assertEquals(Optional.of(blockHash(7)), store.blockHash(7));
    assertEquals(Optional.empty(), store.blockHash(6));
    assertEquals(Optional.of(contract(A, 7, ALICE, BOB)), store.contract(A));
    assertEquals(Optional.of(tx(txHash(7), 7, ALICE, BOB)), store.transaction(txHash(7)));
    assertEquals(Optional.empty(), store.contract(B));
  }

  @Test
  void everyOriginAndNoPartiesReadBack() {
    List<ContractFact> facts =
        List.of(
            new ContractFact(A, Parties.NONE, 3, txHash(3), ContractFact.Origin.CREATED_INSIDE),
            new ContractFact(B, Parties.of(CAROL), 3, txHash(4), ContractFact.Origin.EXTENDED));
    store.apply(Facts.block(3, List.of(), facts));

    assertEquals(Optional.of(facts.get(0)), store.contract(A));
    assertEquals(Optional.of(facts.get(1)), store.contract(B));
  }

  @Test
  void lookupsIgnoreCase() {
    String upper = "0xABCDEF" + A.substring(8);
    store.apply(creating(1, upper, ALICE));

    ContractFact fact = store.contract(upper.toLowerCase(Locale.ROOT)).orElseThrow();
    assertEquals(upper.toLowerCase(Locale.ROOT), fact.address());
    assertEquals(Optional.of(fact), store.contract(upper));
    assertEquals(
        store.transaction(txHash(1)),
        store.transaction(txHash(1).toUpperCase(Locale.ROOT).replace("0X", "0x")));
  }

  @Test
  void aMarkerTransactionIsFoundByEitherHash() {
    String marker = txHash(100);
    String inner = txHash(200);
    TxFact fact = new TxFact(marker, inner, Parties.of(BOB), 5);
    store.apply(Facts.block(5, List.of(fact), List.of()));

    assertEquals(Optional.of(fact), store.transaction(marker));
    assertEquals(Optional.of(fact), store.transaction(inner));
  }

  @Test
  void theFirstBlockMayHaveAnyNumber() {
    store.apply(empty(4_000_000));

    assertEquals(Optional.of(new IndexedBlock(4_000_000, blockHash(4_000_000))), store.head());
  }

  @Test
  void blocksOutOfOrderAreRefused() {
    store.apply(empty(10));

    assertThrows(IllegalStateException.class, () -> store.apply(empty(12)));
    assertThrows(IllegalStateException.class, () -> store.apply(empty(10)));
    assertThrows(IllegalStateException.class, () -> store.apply(empty(9)));
    assertEquals(Optional.of(new IndexedBlock(10, blockHash(10))), store.head());
  }

  @Test
  void aBlockOfAnotherForkIsRefused() {
    store.apply(empty(10));
    BlockFacts stranger = new BlockFacts(11, blockHash(11), forkHash(10), List.of(), List.of());

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.apply(stranger));
    assertEquals(
        "block 11 has parent "
            + forkHash(10)
            + ", but the index holds "
            + blockHash(10)
            + " at 10; roll back first",
        e.getMessage());
    assertEquals(Optional.empty(), store.blockHash(11));
  }

  @Test
  void rollingBackOneBlockRestoresTheFactsBeforeIt() {
    store.apply(creating(1, A, ALICE));
    store.apply(
        Facts.block(
            2, List.of(tx(txHash(2), 2, BOB)), List.of(contract(A, 2, BOB), contract(B, 2, BOB))));
    assertEquals(Optional.of(contract(A, 2, BOB)), store.contract(A));

    store.rollbackTo(1);

    assertEquals(Optional.of(contract(A, 1, ALICE)), store.contract(A));
    assertEquals(Optional.empty(), store.contract(B));
    assertEquals(Optional.empty(), store.transaction(txHash(2)));
    assertEquals(Optional.of(tx(txHash(1), 1, ALICE)), store.transaction(txHash(1)));
    assertEquals(Optional.of(new IndexedBlock(1, blockHash(1))), store.head());
    assertEquals(Optional.empty(), store.blockHash(2));
  }

  @Test
  void rollingBackSeveralBlocksUndoesNewestFirst() {
    store.apply(creating(1, A, ALICE));
    store.apply(creating(2, A, ALICE, BOB));
    store.apply(creating(3, B, CAROL));
    store.apply(creating(4, A, CAROL));
    store.apply(empty(5));

    store.rollbackTo(2);

    assertEquals(Optional.of(contract(A, 2, ALICE, BOB)), store.contract(A));
    assertEquals(Optional.empty(), store.contract(B));
    assertEquals(Optional.of(new IndexedBlock(2, blockHash(2))), store.head());
    assertEquals(Optional.of(blockHash(2)), store.blockHash(2));
    for (long n = 3; n <= 5; n++) {
      assertEquals(Optional.empty(), store.blockHash(n));
      assertEquals(Optional.empty(), store.transaction(txHash(n)));
    }
  }

  @Test
  void aKeyWrittenTwiceInOneBlockRollsBackToItsValueBeforeTheBlock() {
    store.apply(creating(1, A, ALICE));
    ContractFact extended =
        new ContractFact(A, Parties.of(ALICE, BOB), 2, txHash(9), ContractFact.Origin.EXTENDED);
    store.apply(Facts.block(2, List.of(), List.of(contract(A, 2, CAROL), extended)));
    assertEquals(Optional.of(extended), store.contract(A));

    store.rollbackTo(1);

    assertEquals(Optional.of(contract(A, 1, ALICE)), store.contract(A));
  }

  @Test
  void rollingBackBelowTheFirstBlockEmptiesTheStore() {
    store.apply(creating(10, A, ALICE));
    store.apply(creating(11, B, BOB));

    store.rollbackTo(3);

    assertEquals(Optional.empty(), store.head());
    assertEquals(Optional.empty(), store.blockHash(10));
    assertEquals(Optional.empty(), store.contract(A));
    assertEquals(Optional.empty(), store.contract(B));
    assertEquals(Optional.empty(), store.transaction(txHash(10)));
    store.apply(empty(4));
    assertEquals(Optional.of(new IndexedBlock(4, blockHash(4))), store.head());
  }

  @Test
  void rollingBackToTheHeadOrAboveChangesNothing() {
    store.apply(creating(1, A, ALICE));

    store.rollbackTo(1);
    store.rollbackTo(8);

    assertEquals(Optional.of(new IndexedBlock(1, blockHash(1))), store.head());
    assertEquals(Optional.of(contract(A, 1, ALICE)), store.contract(A));
  }

  @Test
  void anotherForkIsAppliedAfterARollback() {
    store.apply(creating(1, A, ALICE));
    store.apply(creating(2, A, BOB));
    store.rollbackTo(1);

    BlockFacts fork =
        new BlockFacts(2, forkHash(2), blockHash(1), List.of(), List.of(contract(A, 2, CAROL)));
    store.apply(fork);

    assertEquals(Optional.of(forkHash(2)), store.blockHash(2));
    assertEquals(Optional.of(contract(A, 2, CAROL)), store.contract(A));
  }

  @Test
  void readersRunningAlongsideApplySeeWholeBlocks() throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger torn = new AtomicInteger();
    CountDownLatch reading = new CountDownLatch(1);
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              while (!done.get()) {
                reading.countDown();
                // Each block writes its contract with the head; a head without it is a torn read.
                store
                    .head()
                    .filter(head -> store.contract(address((int) head.number())).isEmpty())
                    .ifPresent(head -> torn.incrementAndGet());
              }
            });
    reading.await();
    for (int n = 1; n <= 2_000; n++) {
      store.apply(creating(n, address(n), ALICE));
    }
    done.set(true);
    reader.join();

    assertEquals(0, torn.get());
  }

  @Test
  void closingTwiceIsHarmlessAndAClosedStoreRefusesUse() {
    store.close();
    store.close();

    assertThrows(IllegalStateException.class, () -> store.head());
    assertThrows(IllegalStateException.class, () -> store.apply(empty(1)));
  }
}
