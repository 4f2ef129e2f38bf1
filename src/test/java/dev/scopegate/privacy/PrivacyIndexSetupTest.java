package dev.scopegate.privacy;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How the index meets different nodes: markers, a Unix-socket Tessera, MPS, a node that goes away. */
@ExtendWith(VertxExtension.class)
class PrivacyIndexSetupTest {
  private static final String CODE = "0x6000";
  @TempDir Path dir;

  private static Parties partiesOf(IndexedChain chain, Address contract) throws Exception {
    ContractPrivacy answer =
        chain.await(chain.resolver().contract(contract.hex(), chain.node.chain().head().number()));
    return assertInstanceOf(ContractPrivacy.Private.class, answer).parties();
  }

  @Test
  void privacyMarkersCarryTheirPrivateTransaction(Vertx vertx) throws Exception {
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("i"), o -> o.withPrivacyMarkers(true))) {
      MinedTransaction marker = chain.mine(TransactionRequest.create(chain.account(0), CODE)
          .withPrivacy(PrivacyRequest.local(KA, List.of(KB), 0)));
      Address contract = marker.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
      chain.startProxy().awaitCaughtUp();
      assertEquals(Parties.of(KA, KB), partiesOf(chain, contract));
      assertEquals(Optional.of(Parties.of(KA, KB)),
          chain.await(chain.resolver().transaction(marker.transaction().hash().hex())),
          "a marker's parties are those of the private transaction inside");
    }
  }

  @Test
  void tesseraOverItsUnixSocket(Vertx vertx) throws Exception {
    Path socket = dir.resolve("tm.ipc");
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("i"), o -> o.withTesseraSocket(socket))) {
      Address contract = chain.createPrivate(CODE, KB);
      chain.startProxy(TestConfigs.withPrivacy(chain.config(), "unix:" + socket, dir.resolve("i")), false);
      chain.awaitCaughtUp();
      assertEquals(Parties.of(KB), partiesOf(chain, contract));
    }
  }

  @Test
  void aNodeWithMultiplePrivateStatesIsServedWithoutAnIndex(Vertx vertx) throws Exception {
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("i"), o -> o.withMultiplePrivateStates(true))) {
      chain.startProxy();
      assertEquals(Optional.of(dev.scopegate.mode.NodeMode.MPS), chain.proxy.modes().current());
      // with one private state the index is open once start completes (Tessera is up); here the node isolates
      assertTrue(chain.proxy.privacy().index().isEmpty(), "no privacy index for an MPS node");
    }
  }

  @Test
  void theIndexOpensWhenTesseraComesUpAfterStart(Vertx vertx) throws Exception {
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("i"), o -> o)) {
      Address contract = chain.createPrivate(CODE, KA);
      chain.node.tessera().available(false); // answers 503, as a Tessera still starting does
      chain.startProxy();
      assertTrue(chain.proxy.privacy().index().isEmpty(), "Scopegate serves; the index waits for Tessera");
      RpcErrors.assertUnavailable(chain.resolver().contract(contract.hex(), 1));
      chain.node.tessera().available(true);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (chain.proxy.privacy().index().isEmpty() && System.nanoTime() < deadline) {
        vertx.timer(50).await();
      }
      chain.awaitCaughtUp();
      assertEquals(Parties.of(KA), partiesOf(chain, contract));
    }
  }
}
