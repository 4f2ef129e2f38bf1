package dev.scopegate.privacy;

import static dev.scopegate.privacy.Facts.ALICE;
import static dev.scopegate.privacy.Facts.BOB;
import static dev.scopegate.privacy.Facts.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.privacy.ContractFact.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a block's raw facts become in the index: re-creations replace, extensions add. */
class FactMergerTest {
  private final MemoryIndexStore store = new MemoryIndexStore();
  private static final String X = Facts.address(1);

  private RawBlock raw(long number, List<ContractFact> created, List<ContractFact> extensions) {
    return new RawBlock(
        number, Facts.blockHash(number), Facts.blockHash(number - 1), List.of(), created, extensions);
  }

  private static ContractFact fact(String address, long block, Origin origin, String... parties) {
    return new ContractFact(address, Parties.of(parties), block, Facts.txHash(block), origin);
  }

  private Parties partiesOfX() {
    return store.contract(X).orElseThrow().parties();
  }

  @Test
  void aContractReCreatedAtTheSameAddressTakesItsNewParties() {
    store.apply(FactMerger.merge(raw(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of()), store));
    store.apply(FactMerger.merge(raw(2, List.of(fact(X, 2, Origin.CREATED_INSIDE, BOB)), List.of()), store));
    assertEquals(Parties.of(BOB), partiesOfX(), "CREATE2 after self-destruct: the old parties go");
  }

  @Test
  void anExtensionAddsToTheStoredParties() {
    store.apply(FactMerger.merge(raw(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of()), store));
    store.apply(FactMerger.merge(raw(2, List.of(), List.of(fact(X, 2, Origin.EXTENDED, CAROL))), store));
    assertEquals(Parties.of(ALICE, CAROL), partiesOfX());
    assertEquals(Origin.EXTENDED, store.contract(X).orElseThrow().origin());
  }

  @Test
  void anExtensionInTheCreatingBlockAddsToThatCreation() {
    BlockFacts merged = FactMerger.merge(
        raw(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(fact(X, 1, Origin.EXTENDED, BOB))), store);
    assertEquals(1, merged.contracts().size());
    assertEquals(Parties.of(ALICE, BOB), merged.contracts().get(0).parties());
  }

  @Test
  void anExtensionCanIntroduceAContract() {
    store.apply(FactMerger.merge(raw(1, List.of(), List.of(fact(X, 1, Origin.EXTENDED, BOB))), store));
    assertEquals(Parties.of(BOB), partiesOfX());
  }

  @Test
  void theReceiptAndTheTopTraceFrameNameOneCreation() {
    BlockFacts merged = FactMerger.merge(
        raw(1, List.of(fact(X, 1, Origin.CREATED_INSIDE, ALICE), fact(X, 1, Origin.CREATED, ALICE)), List.of()),
        store);
    assertEquals(List.of(Origin.CREATED), merged.contracts().stream().map(ContractFact::origin).toList());
  }
}
