package dev.scopegate.isolation;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PayloadHash;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.StateSharedEvent;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A party-protection contract the index cannot account for (made inside a transaction, on a node
 * without traces) is resolved through its metadata's creationTxHash — which GoQuorum lets any
 * StateShared log rewrite. Tenant A points it at a payload of its own with a forged log; A must
 * still not read B's contract (everyone gets the retriable error rather than a forged answer).
 */
@ExtendWith(VertxExtension.class)
class RewrittenMetadataTest {
  private Stack stack;

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aForgedStateSharedCannotRewriteWhoIsPartyToAContractTheIndexDoesNotKnow(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withDebugApi(false)).await(10, TimeUnit.SECONDS);
    Address ownerA = node.chain().accounts().get(0);
    Address ownerB = node.chain().accounts().get(1);
    MinedTransaction factory = node.chain().mineTransaction(TransactionRequest.create(ownerB, "0xfac70f0b")
        .withPrivacy(PrivacyRequest.local(KB, List.of(), 1)));
    Address child = factory.local().trace().calls().get(0).to();
    MinedTransaction forger = node.chain().mineTransaction(TransactionRequest.create(ownerA, "0xe7e75a")
        .withPrivacy(PrivacyRequest.local(KA, List.of(), 0)));
    Address forgerAddress = forger.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
    String childCode = node.chain().visibleAccount(child, node.chain().head().number()).code();
    String payloadOfA = PayloadHash.ofHex(forger.transaction().input()).base64();
    node.chain().mineTransaction(TransactionRequest.call(ownerA, forgerAddress,
            new StateSharedEvent(child, payloadOfA, "u").encode())
        .withPrivacy(PrivacyRequest.local(KA, List.of(), 0)));
    stack = Stack.start(vertx, node, UnaryOperator.identity());
    String tokenA = stack.token("rpc://eth_*", TenantScopes.owner(KA));
    String tokenB = stack.token("rpc://eth_*", TenantScopes.owner(KB));
    stack.awaitIndexed();

    String answer = stack.proxy().tenant(tokenA, read(child)).body();
    assertFalse(answer.contains(childCode.substring(2)), "A read B's child after rewriting its metadata: " + answer);
    assertEquals("privacy facts unavailable; retry", Wire.json(stack.proxy().tenant(tokenA, read(child)))
        .get("error").get("message").asText());
    assertEquals("privacy facts unavailable; retry", Wire.json(stack.proxy().tenant(tokenB, read(child)))
        .get("error").get("message").asText(), "B too: its metadata proves nothing now (fail closed)");
  }

  private static String read(Address contract) {
    return Wire.call(1, "eth_getCode", "[\"" + contract.hex() + "\",\"latest\"]");
  }

}
