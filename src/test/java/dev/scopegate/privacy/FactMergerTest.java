package dev.scopegate.privacy;

import static dev.scopegate.privacy.Facts.ALICE;
import static dev.scopegate.privacy.Facts.BOB;
import static dev.scopegate.privacy.Facts.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.privacy.ContractFact.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a block's raw facts become in the index: re-creations replace; a StateShared log adds
 * its extension's recipient only when a genuine extension management contract, made by a party
 * of that very contract, emitted it.
 */
class FactMergerTest {
  private final MemoryIndexStore store = new MemoryIndexStore();
  private final FactMerger merger = new FactMerger(new IgnoredExtensions());
  private static final String X = Facts.address(1);
  private static final String Y = Facts.address(2);
  private static final String EXTENDER = Facts.address(9);
  private static final String FORGER = Facts.address(10);

  private RawBlock raw(long number, List<ContractFact> created, List<ExtenderFact> extenders, List<StateShared> shares) {
    return new RawBlock(number, Facts.blockHash(number), Facts.blockHash(number - 1), List.of(), created, extenders,
        shares);
  }

  private void apply(long number, List<ContractFact> created, List<ExtenderFact> extenders, List<StateShared> shares) {
    store.apply(merger.merge(raw(number, created, extenders, shares), store));
  }

  private static ContractFact fact(String address, long block, Origin origin, String... parties) {
    return new ContractFact(address, Parties.of(parties), block, Facts.txHash(block), origin);
  }

  private static ExtenderFact extender(String address, String extended, String recipient, String creator, long block) {
    return new ExtenderFact(address, extended, recipient, creator, block, Facts.txHash(block));
  }

  private static StateShared shared(String emitter, String contract, long block) {
    return new StateShared(emitter, contract, "c3RhdGU=", Facts.txHash(block));
  }

  private Parties partiesOf(String contract) {
    return store.contract(contract).orElseThrow().parties();
  }

  @Test
  void aContractReCreatedAtTheSameAddressTakesItsNewParties() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of());
    apply(2, List.of(fact(X, 2, Origin.CREATED_INSIDE, BOB)), List.of(), List.of());
    assertEquals(Parties.of(BOB), partiesOf(X), "CREATE2 after self-destruct: the old parties go");
  }

  @Test
  void aGenuineExtensionByAPartyAddsOnlyItsRecipient() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE, BOB)), List.of(), List.of());
    apply(2, List.of(), List.of(extender(EXTENDER, X, CAROL, ALICE, 2)), List.of());
    apply(3, List.of(), List.of(), List.of(shared(EXTENDER, X, 3)));
    assertEquals(Parties.of(ALICE, BOB, CAROL), partiesOf(X));
    assertEquals(Origin.EXTENDED, store.contract(X).orElseThrow().origin());
    assertEquals(X, store.extender(EXTENDER).orElseThrow().extended(), "the extender is a stored fact");
  }

  @Test
  void anExtenderCreatedInTheSameBlockCounts() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of());
    apply(2, List.of(), List.of(extender(EXTENDER, X, BOB, ALICE, 2)), List.of(shared(EXTENDER, X, 2)));
    assertEquals(Parties.of(ALICE, BOB), partiesOf(X));
  }

  @Test
  void aStateSharedFromAnyOtherContractIsIgnored() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of());
    apply(2, List.of(fact(FORGER, 2, Origin.CREATED, CAROL)), List.of(), List.of(shared(FORGER, X, 2)));
    assertEquals(Parties.of(ALICE), partiesOf(X));
  }

  @Test
  void anExtensionByAKeyNotPartyToTheContractIsIgnored() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of());
    apply(2, List.of(), List.of(extender(EXTENDER, X, CAROL, CAROL, 2)), List.of(shared(EXTENDER, X, 2)));
    assertEquals(Parties.of(ALICE), partiesOf(X), "genuine code, but its creator is not party to X");
  }

  @Test
  void anExtensionSharesOnlyTheContractItWasMadeFor() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE), fact(Y, 1, Origin.CREATED, BOB)), List.of(), List.of());
    apply(2, List.of(), List.of(extender(EXTENDER, X, BOB, ALICE, 2)), List.of(shared(EXTENDER, Y, 2)));
    assertEquals(Parties.of(BOB), partiesOf(Y));
    assertEquals(Parties.of(ALICE), partiesOf(X));
  }

  @Test
  void anExtensionNeverIntroducesAContractTheIndexDoesNotKnow() {
    apply(1, List.of(), List.of(extender(EXTENDER, X, BOB, ALICE, 1)), List.of(shared(EXTENDER, X, 1)));
    assertTrue(store.contract(X).isEmpty(), "parties of an imported contract stay unknown: refused, not guessed");
  }

  @Test
  void undoingTheExtendersBlockForgetsTheExtender() {
    apply(1, List.of(fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of());
    apply(2, List.of(), List.of(extender(EXTENDER, X, BOB, ALICE, 2)), List.of());
    store.rollbackTo(1);
    apply(2, List.of(), List.of(), List.of(shared(EXTENDER, X, 2)));
    assertTrue(store.extender(EXTENDER).isEmpty());
    assertEquals(Parties.of(ALICE), partiesOf(X), "a StateShared from an extender a reorg removed");
  }

  @Test
  void theReceiptAndTheTopTraceFrameNameOneCreation() {
    BlockFacts merged = merger.merge(
        raw(1, List.of(fact(X, 1, Origin.CREATED_INSIDE, ALICE), fact(X, 1, Origin.CREATED, ALICE)), List.of(), List.of()),
        store);
    assertEquals(List.of(Origin.CREATED), merged.contracts().stream().map(ContractFact::origin).toList());
  }
}
