package dev.scopegate.clients;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.Address;
import dev.scopegate.testing.Stack;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.quorum.Quorum;
import org.web3j.quorum.methods.request.PrivateTransaction;

/** web3j-quorum (built against web3j 4.10, used beside 4.12) sending private transactions through Scopegate. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Web3jQuorumTest {
  private static final BigInteger GAS = BigInteger.valueOf(4_700_000);
  private Stack stack;

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    stack = Stack.start(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static String scope(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  private Quorum client(String... scopes) {
    HttpService service = new HttpService(stack.proxy().url().toString());
    service.addHeader("Authorization", "Bearer " + stack.token(scopes));
    return Quorum.build(service);
  }

  private EthSendTransaction send(Quorum quorum, String privateFrom, List<String> privateFor) throws Exception {
    Address from = stack.node().chain().accounts().get(0);
    PrivateTransaction tx = new PrivateTransaction(
        from.hex(), null, GAS, null, BigInteger.ZERO, "0x6000", privateFrom, privateFor);
    return quorum.ethSendTransaction(tx).send();
  }

  @Test
  void theOwnerOfTheKeySendsAPrivateTransaction() throws Exception {
    Quorum owner = client("rpc://eth_*", scope(KA));
    try {
      EthSendTransaction sent = send(owner, KA, List.of(KB));
      assertNull(sent.getError(), () -> sent.getError().getMessage());
      String hash = sent.getTransactionHash();
      assertNotNull(hash);
      var receipt = owner.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
      assertTrue(receipt.getContractAddress() != null && receipt.getContractAddress().startsWith("0x"));
    } finally {
      owner.shutdown();
    }
  }

  @Test
  void anotherTenantCannotSendFromTheKey() throws Exception {
    Quorum other = client("rpc://eth_*", scope(KB));
    try {
      EthSendTransaction sent = send(other, KA, List.of(KB));
      assertEquals("not authorized", sent.getError().getMessage());
      assertEquals(-32000, sent.getError().getCode());
    } finally {
      other.shutdown();
    }
  }

  @Test
  void aPrivateTransactionWithoutPrivateFromIsRefused() throws Exception {
    Quorum owner = client("rpc://eth_*", scope(KA));
    try {
      EthSendTransaction sent = send(owner, null, List.of(KB));
      assertEquals("missing privateFrom", sent.getError().getMessage());
    } finally {
      owner.shutdown();
    }
  }
}
