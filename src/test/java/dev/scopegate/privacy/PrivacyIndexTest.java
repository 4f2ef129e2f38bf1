package dev.scopegate.privacy;

import static dev.scopegate.devnode.DevTessera.FOREIGN_X;
import static dev.scopegate.devnode.DevTessera.FOREIGN_Y;
import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The index follows a dev chain over the wire and knows every contract's parties. */
@ExtendWith(VertxExtension.class)
class PrivacyIndexTest {
  private static final String CODE = "0x6000";
  private static final String FACTORY = "0xfac70f";

  @TempDir Path dir;
  private IndexedChain chain;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    chain = IndexedChain.node(vertx, dir.resolve("index"), o -> o);
  }

  @AfterEach
  void stop() throws Exception {
    chain.close();
  }

  private ContractPrivacy privacy(Address contract) throws Exception {
    return chain.await(chain.resolver().contract(contract.hex(), chain.node.chain().head().number()));
  }

  private Parties partiesOf(Address contract) throws Exception {
    return assertInstanceOf(ContractPrivacy.Private.class, privacy(contract)).parties();
  }

  private static RpcError failure(Future<?> future) {
    return RpcErrors.failure(future);
  }

  @Test
  void backfillKnowsEveryKindOfContract() throws Exception {
    Address onlyA = chain.createPrivate(CODE, KA);
    Address onlyB = chain.createPrivate(CODE, KB);
    Address shared = chain.createPrivate(CODE, KA, KB);
    Address withForeign = chain.createPrivate(CODE, KC, FOREIGN_X);
    Address publicOne = chain.createPublic(CODE);
    Address factory = chain.createPrivate(FACTORY, KB);
    Address child = childOf(factory);
    Address extended = chain.createPrivate(CODE, KA);
    chain.node.chain().extendContract(extended, KC);
    MinedTransaction foreign =
        chain.node.chain().receiveForeignPrivate(chain.account(2), Optional.empty(), CODE, FOREIGN_X, List.of(FOREIGN_Y));

    chain.startProxy().awaitCaughtUp();

    assertEquals(Parties.of(KA), partiesOf(onlyA));
    assertEquals(Parties.of(KB), partiesOf(onlyB));
    assertEquals(Parties.of(KA, KB), partiesOf(shared));
    assertEquals(Parties.of(KC), partiesOf(withForeign), "only this Tessera's keys are recorded");
    assertInstanceOf(ContractPrivacy.Public.class, privacy(publicOne));
    assertEquals(Parties.of(KB), partiesOf(factory));
    assertEquals(Parties.of(KB), partiesOf(child), "a contract created inside a private transaction");
    assertEquals(Parties.of(KA, KC), partiesOf(extended), "an extension adds its parties");
    assertEquals(
        Optional.of(Parties.NONE),
        chain.await(chain.resolver().transaction(foreign.transaction().hash().hex())),
        "a private transaction no local key is party to");
    Address foreignContract = foreign.receipt().contractAddress().orElseThrow();
    assertInstanceOf(ContractPrivacy.Public.class, privacy(foreignContract),
        "not in this node's private state, as on any non-party node");
    IndexStatus status = chain.status();
    assertEquals(chain.node.chain().head().number(), status.indexedBlock());
    assertEquals(0, status.lag());
  }

  private Address childOf(Address factory) {
    long head = chain.node.chain().head().number();
    return java.util.stream.LongStream.rangeClosed(0, head)
        .mapToObj(n -> chain.node.chain().block(n).orElseThrow())
        .flatMap(b -> b.local().stream())
        .map(l -> l.trace())
        .filter(f -> factory.equals(f.to()))
        .flatMap(f -> f.calls().stream())
        .filter(f -> f.type().startsWith("CREATE"))
        .map(f -> f.to())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void restartResumesWithoutRescanning() throws Exception {
    Address first = chain.createPrivate(CODE, KA);
    chain.node.chain().generate(200, 0.05, 7);
    chain.startProxy().awaitCaughtUp();
    chain.stopProxy();

    Address later = chain.createPrivate(CODE, KB);
    chain.node.resetRequestCounts();
    chain.startProxy().awaitCaughtUp();

    assertEquals(1, chain.node.requestCount("eth_getBlockByNumber") - genesisReads(),
        "only the new block is read (the genesis is read once to check the store's chain)");
    assertEquals(Parties.of(KA), partiesOf(first), "facts survive the restart");
    assertEquals(Parties.of(KB), partiesOf(later));
  }

  private static long genesisReads() {
    return 1;
  }

  @Test
  void aStoreFromAnotherChainIsRefused(Vertx vertx) throws Exception {
    chain.createPrivate(CODE, KA);
    chain.startProxy().awaitCaughtUp();
    chain.stopProxy();
    try (IndexedChain other = IndexedChain.node(vertx, chain.indexDir, o -> o.withChainId(4242))) {
      Exception refused =
          org.junit.jupiter.api.Assertions.assertThrows(Exception.class, other::startProxy);
      assertTrue(refused.getMessage().contains("belongs to another chain"), refused.getMessage());
      other.startProxy(other.config(), true);
      other.awaitCaughtUp();
      assertEquals(0, other.status().lag(), "--reindex rebuilds the store for this chain");
    }
  }

  @Test
  void aContractMinedJustNowIsNeverPublic() throws Exception {
    chain.startProxy().awaitCaughtUp();
    Address fresh = chain.createPrivate(CODE, KB);
    assertEquals(Parties.of(KB), partiesOf(fresh), "the resolver waits for the index");
  }

  @Test
  void aPrivateContractTheIndexCannotAccountForIsUnknownNotPublic(Vertx vertx) throws Exception {
    chain.close();
    chain = IndexedChain.node(vertx, dir.resolve("index2"), o -> o.withDebugApi(false));
    Address factory = chain.createPrivate(FACTORY, KA);
    Address child = childOf(factory);
    chain.startProxy().awaitCaughtUp();
    assertEquals(Parties.of(KA), partiesOf(factory));
    assertEquals(RpcError.PRIVACY_UNAVAILABLE,
        failure(chain.resolver().contract(child.hex(), chain.node.chain().head().number())),
        "without traces a factory's child is unknown: refused, never public");
  }

  @Test
  void tesseraDownInventsNothingAndFactsAppearWhenItReturns() throws Exception {
    chain.startProxy().awaitCaughtUp();
    chain.node.tessera().available(false);
    Address contract = chain.createPrivate(CODE, KA);
    long block = chain.node.chain().head().number();
    assertEquals(RpcError.PRIVACY_UNAVAILABLE, failure(chain.resolver().contract(contract.hex(), block)));
    assertTrue(chain.status().indexedBlock() < block, "the index stops at the block it cannot read");
    chain.node.tessera().available(true);
    chain.awaitCaughtUp();
    assertEquals(Parties.of(KA), partiesOf(contract));
  }

  @Test
  void nodeDownStopsTheIndexWhichResumesWhenItReturns() throws Exception {
    chain.startProxy().awaitCaughtUp();
    chain.node.available(false);
    Address contract = chain.createPrivate(CODE, KB);
    long block = chain.node.chain().head().number();
    assertEquals(RpcError.PRIVACY_UNAVAILABLE, failure(chain.resolver().contract(contract.hex(), block)));
    assertTrue(chain.status().indexedBlock() < block);
    chain.node.available(true);
    chain.awaitCaughtUp();
    assertEquals(Parties.of(KB), partiesOf(contract));
  }

  @Test
  void aReorganisationRollsBackWhatAbandonedBlocksAdded() throws Exception {
    Address kept = chain.createPrivate(CODE, KA);
    Address abandoned = chain.createPrivate(CODE, KB);
    chain.startProxy().awaitCaughtUp();
    assertEquals(Parties.of(KB), partiesOf(abandoned));

    chain.node.chain().reorg(1, List.of(List.of(), List.of()));
    chain.awaitCaughtUp();

    assertEquals(Parties.of(KA), partiesOf(kept));
    assertInstanceOf(ContractPrivacy.Public.class, privacy(abandoned), "gone from the node's private state");
    assertEquals(chain.node.chain().head().hash().hex(),
        chain.proxy.privacy().index().orElseThrow().store().head().orElseThrow().hash());
  }

  @Test
  void concurrentQuestionsAboutOneContractShareOneLookup() throws Exception {
    Address contract = chain.createPrivate(CODE, KA);
    chain.startProxy().awaitCaughtUp();
    chain.node.resetRequestCounts();
    long block = chain.node.chain().head().number();
    List<Future<ContractPrivacy>> asked = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      asked.add(chain.resolver().contract(contract.hex(), block));
    }
    chain.await(Future.all(asked));
    asked.forEach(f -> assertEquals(new ContractPrivacy.Private(Parties.of(KA)), f.result()));
    assertEquals(1, chain.node.requestCount("eth_getContractPrivacyMetadata"));
  }

  @Test
  void publicAnswersAreReusedForBlocksTheyCover() throws Exception {
    Address open = chain.createPublic(CODE);
    chain.startProxy().awaitCaughtUp();
    long head = chain.node.chain().head().number();
    chain.node.resetRequestCounts();
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(ContractPrivacy.Public.class, chain.await(chain.resolver().contract(open.hex(), head)));
    }
    assertEquals(1, chain.node.requestCount("eth_getContractPrivacyMetadata"));
    chain.createPrivate(CODE, KA);
    long next = chain.node.chain().head().number();
    chain.awaitCaughtUp();
    chain.await(chain.resolver().contract(open.hex(), next));
    assertEquals(2, chain.node.requestCount("eth_getContractPrivacyMetadata"),
        "a later block is asked again: the address could have become private since");
  }

  @Test
  void blocksArePinnedToConcreteNumbers() throws Exception {
    chain.node.chain().generate(5, 0, 1);
    chain.startProxy();
    BlockPinner pinner = chain.proxy.privacy().pinner();
    long head = chain.node.chain().head().number();
    assertEquals(head, chain.await(pinner.pin(com.fasterxml.jackson.databind.node.TextNode.valueOf("latest"))));
    assertEquals(head, chain.await(pinner.pin(com.fasterxml.jackson.databind.node.TextNode.valueOf("pending"))));
    assertEquals(head, chain.await(pinner.pin(null)));
    assertEquals(0L, chain.await(pinner.pin(com.fasterxml.jackson.databind.node.TextNode.valueOf("earliest"))));
    assertEquals(3L, chain.await(pinner.pin(com.fasterxml.jackson.databind.node.TextNode.valueOf("0x3"))));
    assertEquals(RpcError.INVALID_PARAMS,
        failure(pinner.pin(com.fasterxml.jackson.databind.node.TextNode.valueOf("soon"))));
    assertEquals("0x3", BlockPinner.asParameter(3).asText());
  }

  @Test
  void transactionsAnswerTheirPartiesPrivateOrPublic() throws Exception {
    MinedTransaction shared = chain.mine(TransactionRequest.create(chain.account(0), CODE)
        .withPrivacy(dev.scopegate.devnode.PrivacyRequest.local(KA, List.of(KC), 0)));
    MinedTransaction open = chain.mine(TransactionRequest.create(chain.account(0), CODE));
    chain.startProxy().awaitCaughtUp();
    assertEquals(Optional.of(Parties.of(KA, KC)),
        chain.await(chain.resolver().transaction(shared.transaction().hash().hex())));
    assertEquals(Optional.empty(), chain.await(chain.resolver().transaction(open.transaction().hash().hex())));
    assertEquals(Optional.empty(), chain.await(chain.resolver().transaction("0x" + "12".repeat(32))),
        "unknown transaction");
  }
}
