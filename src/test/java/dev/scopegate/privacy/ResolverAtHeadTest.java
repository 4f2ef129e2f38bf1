package dev.scopegate.privacy;

import static dev.scopegate.devnode.DevTessera.KA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.devnode.Address;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ContractUtils;

/**
 * Path 8 of issue #9: the "public up to" cache vouches only for the blocks it has seen. An address
 * is asked about while nothing is there (public, cached up to the head); then a private contract
 * is created at it. At the old block it was public, and still is; at the head — where a pending
 * log, which has no block, is decided — it is private, whatever the cache holds.
 */
@ExtendWith(VertxExtension.class)
class ResolverAtHeadTest {
  @TempDir Path dir;

  @Test
  void anAddressCachedAsPublicIsPrivateAtTheHeadOnceAContractIsMadeThere(Vertx vertx) throws Exception {
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("i"), o -> o).startProxy()) {
      chain.awaitCaughtUp();
      Address from = chain.account(0);
      String nonce = Wire.json(Wire.post(chain.node.httpUrl(),
          Wire.call(1, "eth_getTransactionCount", "[\"" + from + "\",\"latest\"]"))).get("result").asText();
      String next = ContractUtils.generateContractAddress(from.hex(), new BigInteger(nonce.substring(2), 16));
      long before = chain.node.chain().head().number();
      assertEquals(ContractPrivacy.PUBLIC, chain.await(chain.resolver().contract(next, before)), "nothing there yet");

      Address made = chain.createPrivate("0x6000", KA);
      assertEquals(next, made.hex());

      assertEquals(new ContractPrivacy.Private(Parties.of(KA)), chain.await(chain.resolver().contractAtHead(next)),
          "at the head the cache's old 'public' does not answer");
      assertEquals(ContractPrivacy.PUBLIC, chain.await(chain.resolver().contract(next, before)),
          "at the block the cache saw, it was public");
    }
  }
}
