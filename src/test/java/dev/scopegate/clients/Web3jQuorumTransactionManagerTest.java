package dev.scopegate.clients;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static dev.scopegate.devnode.DevTessera.KC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.NonPartyNode;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import io.reactivex.disposables.Disposable;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketClient;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.quorum.Quorum;
import org.web3j.quorum.enclave.Tessera;
import org.web3j.quorum.enclave.protocol.EnclaveService;
import org.web3j.quorum.tx.QuorumTransactionManager;

/**
 * web3j-quorum 4.10's own private-transaction flow through Scopegate, as a GoQuorum user runs it:
 * {@link QuorumTransactionManager} stores the payload with the dev Tessera's {@code /storeraw}
 * (directly: that is Tessera's third-party API, not the node's JSON-RPC, so it does not pass
 * Scopegate), signs with the client's own key and sends {@code eth_sendRawPrivateTransaction}
 * with {@code privateFor} through Scopegate.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Web3jQuorumTransactionManagerTest {
  /**
   * What only the parties may see. The dev node runs no EVM (see its {@code Behaviours}): a
   * creation stores its data as the code, a call emits one log whose data is the call's data and
   * returns keccak(code). So the code, the call's answer and the log's data all carry a secret.
   */
  private static final String CODE = "0x5ec2e7" + "c0de".repeat(16);
  private static final String CALL_DATA = "0x5ec2e7" + "da7a".repeat(16);
  private static final List<String> SECRETS =
      List.of(CODE.substring(2), CALL_DATA.substring(2), org.web3j.crypto.Hash.sha3(CODE).substring(2));
  private static final BigInteger GAS = BigInteger.valueOf(4_700_000);

  private Stack stack;
  private EnclaveService enclave;
  private final Credentials alice = key();

  @BeforeAll
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()));
    URI tm = node.tessera().url();
    enclave = new EnclaveService(tm.getScheme() + "://" + tm.getHost(), tm.getPort(), new OkHttpClient());
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static Credentials key() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String scope(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  /** A tenant's web3j-quorum over HTTP; every answer body it reads is kept in {@code seen}. */
  private Quorum tenant(String key, Queue<String> seen) {
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          seen.add(response.peekBody(Long.MAX_VALUE).string());
          return response;
        })
        .build();
    HttpService service = new HttpService(stack.proxy().url().toString(), http);
    service.addHeader("Authorization", "Bearer " + stack.token("rpc://eth_*", scope(key)));
    return Quorum.build(service);
  }

  private EthSendTransaction deploy(Quorum quorum, String privateFrom, List<String> privateFor) throws Exception {
    return send(quorum, privateFrom, privateFor, null, CODE);
  }

  /** web3j-quorum's flow: storeraw as {@code privateFrom}, sign, eth_sendRawPrivateTransaction. */
  private EthSendTransaction send(Quorum quorum, String privateFrom, List<String> privateFor, String to, String data)
      throws Exception {
    QuorumTransactionManager manager =
        new QuorumTransactionManager(quorum, new Tessera(enclave, quorum), alice, privateFrom, privateFor);
    BigInteger nonce = quorum
        .ethGetTransactionCount(alice.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
    return manager.signAndSend(RawTransaction.createTransaction(nonce, BigInteger.ZERO, GAS, to, BigInteger.ZERO, data));
  }

  private TransactionReceipt minedBy(Quorum quorum, EthSendTransaction sent) throws Exception {
    assertNull(sent.getError(), () -> sent.getError().getMessage());
    return quorum.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt().orElseThrow();
  }

  @Test
  void aTenantsPrivateDeploymentIsItsAloneAndAnotherTenantSeesANonPartyNode(Vertx vertx) throws Exception {
    Queue<String> seenByA = new ConcurrentLinkedQueue<>();
    Queue<String> seenByC = new ConcurrentLinkedQueue<>();
    Quorum a = tenant(KA, seenByA);
    Quorum c = tenant(KC, seenByC);
    try {
      TransactionReceipt created = minedBy(a, deploy(a, KA, List.of(KB)));
      String contract = created.getContractAddress();
      assertEquals("0x1", created.getStatus());
      TransactionReceipt called = minedBy(a, send(a, KA, List.of(KB), contract, CALL_DATA));
      assertEquals(1, called.getLogs().size(), "the party reads its private receipt, with the log");
      assertEquals(contract, called.getLogs().get(0).getAddress());
      assertEquals(CALL_DATA, called.getLogs().get(0).getData());
      assertEquals(CODE, a.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode());
      Transaction call = Transaction.createEthCallTransaction(alice.getAddress(), contract, "0x");
      assertEquals(org.web3j.crypto.Hash.sha3(CODE), a.ethCall(call, DefaultBlockParameterName.LATEST).send().getValue());
      String toA = String.join("\n", seenByA);
      SECRETS.forEach(secret -> assertTrue(toA.contains(secret), "precondition: A was shown " + secret));

      stack.awaitIndexed();
      try (NonPartyNode own = NonPartyNode.start(vertx, stack.node(), DevNodeOptions.defaults(), KC)) {
        for (TransactionReceipt receipt : List.of(created, called)) {
          // the replica mines the client-signed transaction unsigned, under another hash: find it by place
          JsonNode replayed = own.answer("eth_getBlockByNumber", "[\"" + receipt.getBlockNumberRaw() + "\",false]")
              .path("result").path("transactions").path(receipt.getTransactionIndex().intValueExact());
          JsonNode whole = own.answer("eth_getTransactionReceipt", "[\"" + replayed.asText() + "\"]");
          JsonNode expected = whole.path("result");
          assertTrue(expected.isObject(), () -> "the non-party node's receipt: " + whole);
          TransactionReceipt shown = c.ethGetTransactionReceipt(receipt.getTransactionHash()).send()
              .getTransactionReceipt().orElseThrow();
          assertEquals(expected.get("status").asText(), shown.getStatus());
          assertEquals(expected.path("contractAddress").asText(null), shown.getContractAddress());
          assertEquals(expected.get("logs").size(), shown.getLogs().size());
          assertEquals(expected.get("logsBloom").asText(), shown.getLogsBloom());
        }
        // what C's own node, without the payload, answers for the contract's code and a call to it
        JsonNode ownCode = own.answer("eth_getCode", "[\"" + contract + "\",\"latest\"]").path("result");
        var code = c.ethGetCode(contract, DefaultBlockParameterName.LATEST).send();
        assertTrue(ownCode.isTextual(), "precondition: the own node answers the code");
        assertEquals(ownCode.asText(), code.getCode());
        JsonNode ownCall = own.answer("eth_call",
            "[{\"from\":\"" + alice.getAddress() + "\",\"to\":\"" + contract + "\",\"data\":\"0x\"},\"latest\"]")
            .path("result");
        var answer = c.ethCall(Transaction.createEthCallTransaction(alice.getAddress(), contract, "0x"),
            DefaultBlockParameterName.LATEST).send();
        assertTrue(answer.hasError() || answer.getValue().equals(ownCall.asText()),
            () -> "call: " + answer.getValue() + ", own node: " + ownCall);
      }
      assertEquals(4, seenByC.size(), "two receipts, the code and the call");
      seenByC.forEach(shown -> SECRETS.forEach(secret -> assertFalse(shown.contains(secret), shown)));
    } finally {
      a.shutdown();
      c.shutdown();
    }
  }

  @Test
  void aPrivateFromKeyTheTenantDoesNotHoldIsRefused() throws Exception {
    Queue<String> seen = new ConcurrentLinkedQueue<>();
    Quorum a = tenant(KA, seen);
    try {
      long head = stack.node().chain().head().number();
      EthSendTransaction sent = deploy(a, KB, List.of(KC));
      assertNotNull(sent.getError(), "Tessera stored it as B's; Scopegate must refuse A sending it");
      assertEquals(-32000, sent.getError().getCode());
      assertEquals("not authorized", sent.getError().getMessage());
      assertEquals(head, stack.node().chain().head().number(), "nothing was mined");
    } finally {
      a.shutdown();
    }
  }

  @Test
  void overTheWebSocketOneCallAndTheLogsOfItsOwnDeployment() throws Exception {
    URI ws = URI.create(stack.proxy().url().toString().replaceFirst("^http", "ws"));
    String token = stack.token("rpc://eth_*", scope(KA));
    WebSocketService service =
        new WebSocketService(new WebSocketClient(ws, Map.of("Authorization", "Bearer " + token)), false);
    service.connect();
    Quorum overWs = Quorum.build(service);
    Quorum a = tenant(KA, new ConcurrentLinkedQueue<>());
    BlockingQueue<String> addresses = new LinkedBlockingQueue<>();
    Disposable logs = overWs.logsNotifications(List.of(), List.of())
        .subscribe(n -> addresses.add(n.getParams().getResult().getAddress()));
    try {
      // the subscription is live once the node has it: wait for that event, not for time
      stack.node().subscribed("logs", 1).await(10, TimeUnit.SECONDS);
      String contract = minedBy(a, deploy(a, KA, List.of(KB))).getContractAddress();
      minedBy(a, send(a, KA, List.of(KB), contract, CALL_DATA));
      assertEquals(contract, addresses.poll(10, TimeUnit.SECONDS));
      assertEquals(CODE, overWs.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode());
    } finally {
      logs.dispose();
      overWs.shutdown();
      a.shutdown();
    }
  }
}
